import type { FastifyInstance, FastifyBaseLogger, RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import type { Config } from '../config.js';
import type { Database } from '../db/index.js';
import type { FileStorage } from './files/index.js';
import type { MetricDef } from './metrics/index.js';
import type { Actor } from './scope/index.js';
import type { ScheduledTask } from './schedule.js';

/** What every route and service call can reach. */
export interface AppContext {
  db: Kysely<Database>;
  cfg: Config;
  storage: FileStorage;
}

/** Fastify typed by our zod schemas. */
export type App = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, ZodTypeProvider>;

/** A non-deadline to-do item a module contributes (e.g. "3 ledger entries waiting for review"). */
export interface TodoItem {
  module: string;
  kind: string;
  /** What to do, in both languages. */
  title: { zh: string; en: string };
  count: number;
  /** Route in the web app to open. */
  href: string;
}

/** A module of the product: the same shape for all. */
export interface FazhiModule {
  name: string;
  /** Registers the module's HTTP routes (under /api/v1). */
  routes?(app: App, ctx: AppContext): void | Promise<void>;
  /** The module's registered figures. */
  metrics?: MetricDef[];
  /** To-do items for the actor beyond deadlines (deadlines come from core/deadlines). */
  todos?(ctx: AppContext, actor: Actor): Promise<TodoItem[]>;
  /**
   * Years in which the module holds records the actor can see, and — for the module that owns the annual
   * report — the year being worked on. Pages open on that year (`GET /api/v1/years`), not on the calendar's.
   */
  years?(ctx: AppContext, actor: Actor): Promise<{ years: number[]; working?: number | null }>;
  /** System tasks the server runs on a timer (see core/schedule.ts). */
  scheduled?: ScheduledTask[];
  /** Abilities for the UI (menu entries, buttons), computed by the same policy the server enforces. */
  abilities?(actor: Actor): Record<string, boolean>;
}
