// The module's tables (prefix `publicity_`).
export {};
