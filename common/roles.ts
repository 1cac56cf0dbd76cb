/** Roles a user can hold. Region roles apply to a region and below; unit roles to one unit. */
export const ROLES = ['admin', 'office', 'unit_head', 'liaison', 'advisor', 'officer', 'leader', 'viewer'] as const;
/** A role name. */
export type Role = (typeof ROLES)[number];

/** Roles granted over a region (see it and everything below it). */
export const REGION_ROLES: readonly Role[] = ['admin', 'office', 'leader', 'viewer'];
/** Roles granted over a unit (see and edit that unit's records). */
export const UNIT_ROLES: readonly Role[] = ['unit_head', 'liaison', 'advisor', 'officer'];

/** zh/en labels for roles. */
export const ROLE_LABELS: Record<Role, { zh: string; en: string }> = {
  admin: { zh: '系统管理员', en: 'System administrator' },
  office: { zh: '依法治区办', en: 'Rule-of-law office' },
  unit_head: { zh: '单位负责人', en: 'Unit head' },
  liaison: { zh: '单位联络员', en: 'Unit liaison' },
  advisor: { zh: '法律顾问', en: 'Legal advisor' },
  officer: { zh: '执法人员', en: 'Enforcement officer' },
  leader: { zh: '区领导', en: 'Leader' },
  viewer: { zh: '上级查看', en: 'City/provincial viewer' },
};

/** Unit types with zh/en labels. */
export const UNIT_TYPES = {
  government: { zh: '人民政府', en: 'Government' },
  department: { zh: '政府部门', en: 'Department' },
  subdistrict: { zh: '街道办事处', en: 'Subdistrict office' },
  enforcement: { zh: '执法队伍', en: 'Enforcement team' },
  law_firm: { zh: '律师事务所', en: 'Law firm' },
  mediation: { zh: '人民调解委员会', en: 'Mediation committee' },
  court: { zh: '人民法院', en: 'Court' },
  procuratorate: { zh: '人民检察院', en: 'Procuratorate' },
  npc: { zh: '人大', en: "People's congress" },
  cppcc: { zh: '政协', en: 'CPPCC' },
  other: { zh: '其他', en: 'Other' },
} as const;
/** A unit type key. */
export type UnitType = keyof typeof UNIT_TYPES;

/** Region levels with labels. */
export const REGION_LEVELS = {
  province: { zh: '省', en: 'Province' },
  city: { zh: '市', en: 'City' },
  district: { zh: '区(县)', en: 'District' },
  subdistrict: { zh: '街道(乡镇)', en: 'Subdistrict' },
  community: { zh: '社区(村)', en: 'Community' },
} as const;

/** Password policy shared by client and server. */
export const PASSWORD_POLICY = { minLength: 8, maxLength: 128, minClasses: 3 } as const;

/** Returns the policy violations of a password (empty when it passes). */
export function passwordProblems(password: string, username?: string): { zh: string; en: string }[] {
  const out: { zh: string; en: string }[] = [];
  if (password.length < PASSWORD_POLICY.minLength)
    out.push({ zh: `密码至少${PASSWORD_POLICY.minLength}位`, en: `At least ${PASSWORD_POLICY.minLength} characters` });
  if (password.length > PASSWORD_POLICY.maxLength)
    out.push({ zh: `密码最多${PASSWORD_POLICY.maxLength}位`, en: `At most ${PASSWORD_POLICY.maxLength} characters` });
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((r) => r.test(password)).length;
  if (classes < PASSWORD_POLICY.minClasses)
    out.push({
      zh: '密码须包含大写字母、小写字母、数字、符号中的至少三类',
      en: 'Use at least three of: upper case, lower case, digits, symbols',
    });
  if (username && username.length >= 3 && password.toLowerCase().includes(username.toLowerCase()))
    out.push({ zh: '密码不能包含用户名', en: 'The password must not contain the username' });
  return out;
}
