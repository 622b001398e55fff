// The module's tables (prefix `learning_`).
export {};
