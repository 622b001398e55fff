import type { IndicatorDef } from '../../kernel/module.js';

// PLACEHOLDER (helper D replaces this file)
export const enforcementIndicators: IndicatorDef[] = [];
