// The module's tables (prefix `disclosure_`).
export {};
