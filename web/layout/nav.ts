import { matchPath } from 'react-router-dom';
import { NAV_GROUPS, type NavEntry, type NavGroup, type RouteEntry, type WebModule } from '../modules';

/** A visible menu group with its entries. */
export interface VisibleGroup {
  group: NavGroup;
  entries: NavEntry[];
}

/** Menu groups and entries the abilities allow, in report order; empty groups are left out. */
export function visibleNav(modules: WebModule[], abilities: Record<string, boolean>): VisibleGroup[] {
  return NAV_GROUPS.map((group) => ({
    group,
    entries: modules.filter((m) => m.group === group).flatMap((m) => m.nav.filter((n) => abilities[n.ability] === true)),
  })).filter((g) => g.entries.length > 0);
}

/** The menu entry a URL belongs to: the one whose path is the longest prefix. */
export function activeEntry(modules: WebModule[], pathname: string): { group: NavGroup; entry: NavEntry } | null {
  let best: { group: NavGroup; entry: NavEntry } | null = null;
  for (const m of modules)
    for (const n of m.nav)
      if ((pathname === n.path || pathname.startsWith(`${n.path}/`)) && (!best || n.path.length > best.entry.path.length)) best = { group: m.group, entry: n };
  return best;
}

/** Breadcrumb trail (label keys and links) for a URL. */
export function breadcrumbs(modules: WebModule[], pathname: string): { labelKey: string; path?: string }[] {
  const trail: { labelKey: string; path?: string }[] = [{ labelKey: 'nav.home', path: '/' }];
  if (pathname === '/') return trail;
  const a = activeEntry(modules, pathname);
  if (a) {
    trail.push({ labelKey: `nav.group.${a.group}` });
    trail.push({ labelKey: a.entry.labelKey, path: a.entry.path });
  }
  const route: RouteEntry | undefined = modules.flatMap((m) => m.routes).find((r) => matchPath(r.path, pathname));
  if (route?.labelKey && route.path !== a?.entry.path) trail.push({ labelKey: route.labelKey });
  return trail;
}

/**
 * The locale key naming a grant as its holder knows it: the office and leaders of a city or province
 * are 依法治市办 / 市领导 (依法治省办 / 省领导), not the district's 依法治区办 / 区领导.
 */
export function roleKey(g: { role: string; level?: string | null }): string {
  if ((g.role === 'office' || g.role === 'leader') && (g.level === 'city' || g.level === 'province')) return `roles.${g.role}_${g.level}`;
  return `roles.${g.role}`;
}
