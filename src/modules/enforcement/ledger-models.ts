import type { RecordModel } from '../../kernel/model.js';

// PLACEHOLDER (helper B replaces this file)
export const ITEM_MODEL: RecordModel = { id: 'enforcement.item', title: '执法事项', fields: [] };
export const OFFICER_MODEL: RecordModel = { id: 'enforcement.officer', title: '执法人员', fields: [] };
