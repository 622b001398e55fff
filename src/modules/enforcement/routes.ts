import type { FastifyInstance } from 'fastify';
import type { KernelContext } from '../../kernel/module.js';

// PLACEHOLDER (helper A replaces this file)
export async function caseRoutes(_app: FastifyInstance, _ctx: KernelContext): Promise<void> {}
