// Every table of the platform: the kernel's and each module's. drizzle-kit reads this file.
export * from './kernel/db/schema.js';
export * from './modules/advisers/schema.js';
export * from './modules/decisions/schema.js';
export * from './modules/disclosure/schema.js';
export * from './modules/disputes/schema.js';
export * from './modules/enforcement/schema.js';
export * from './modules/learning/schema.js';
export * from './modules/litigation/schema.js';
export * from './modules/normdocs/schema.js';
export * from './modules/petitions/schema.js';
export * from './modules/publicity/schema.js';
export * from './reporting/schema.js';
