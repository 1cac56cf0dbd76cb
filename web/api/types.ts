/** Shapes the core API answers with; module and org shapes are inferred from the zod contracts in common/. */

// Org shapes and the page of a list come from the server's response contracts (common/schemas.ts).
export type { Page, RegionOut as Region, UnitOut as Unit, GrantOut as Grant, UserOut as User } from '../../common/schemas';

// Shapes of the shared (core) endpoints, inferred from their response contracts in common/core-api.ts.
import type { z } from 'zod';
import type { DeadlineOut, MetricInfoOut, MetricValueOut, OverridesOut, SettingsOut, TodoItemOut } from '../../common/core-api';
export type { AuditEntry, CalendarDay, Deadline, FileInfo, ImportResult, Me, Todos } from '../../common/core-api';
/** State of a deadline relative to today. */
export type DeadlineState = z.input<typeof DeadlineOut>['state'];
/** A module's non-deadline to-do. */
export type TodoItem = z.input<typeof TodoItemOut>;
/** A local calendar override. */
export type CalendarOverride = z.input<typeof OverridesOut>['items'][number];
/** A registered metric (`GET /api/v1/metrics`). */
export type MetricInfo = z.input<typeof MetricInfoOut>;
/** A metric's value for a region and year. */
export type MetricValue = z.input<typeof MetricValueOut>;
/** A system setting. */
export type Setting = z.input<typeof SettingsOut>['items'][number];
