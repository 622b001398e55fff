import type { FastifyInstance } from 'fastify';
import type { KernelContext } from '../../kernel/module.js';

// PLACEHOLDER (helper B replaces this file)
export async function catalogueRoutes(_app: FastifyInstance, _ctx: KernelContext): Promise<void> {}
export async function registryPortalRoutes(_app: FastifyInstance, _ctx: KernelContext): Promise<void> {}
