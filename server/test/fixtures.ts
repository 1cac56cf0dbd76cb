import type { Kysely } from 'kysely';
import type { Database } from '../db/index.js';
import type { Config } from '../config.js';
import { hashPassword } from '../core/auth/password.js';
import { seedDemoOrg, DEMO_PASSWORD } from '../../demo/org.js';

/**
 * Test world: the demo district 中站区 plus a neighbouring district 解放区 (410802) with its own
 * office and a unit, to prove that scope stops at the district boundary.
 */
export async function seedTestWorld(db: Kysely<Database>, cfg: Config) {
  await seedDemoOrg(db, cfg);
  const city = await db.selectFrom('regions').select(['id', 'path']).where('code', '=', '410800').executeTakeFirstOrThrow();
  const jf = await db
    .insertInto('regions')
    .values({ code: '410802', name: '解放区', level: 'district', parent_id: city.id, path: `${city.path}/410802` })
    .returning('id')
    .executeTakeFirstOrThrow();
  const unit = await db.insertInto('units').values({ name: '解放区司法局', type: 'department', region_id: jf.id }).returning('id').executeTakeFirstOrThrow();
  const hash = await hashPassword(DEMO_PASSWORD, cfg.scryptN);
  const u = await db
    .insertInto('users')
    .values({ username: 'office_jf', display_name: '解放区依法治区办', unit_id: unit.id, password_hash: hash })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.insertInto('role_assignments').values({ user_id: u.id, role: 'office', region_id: jf.id }).execute();
  const u2 = await db
    .insertInto('users')
    .values({ username: 'liaison_jf', display_name: '解放区司法局联络员', unit_id: unit.id, password_hash: hash })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.insertInto('role_assignments').values({ user_id: u2.id, role: 'liaison', unit_id: unit.id }).execute();
}
