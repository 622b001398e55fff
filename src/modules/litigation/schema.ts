// The module's tables (prefix `litigation_`).
export {};
