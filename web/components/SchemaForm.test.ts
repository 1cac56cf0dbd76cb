import { describe, expect, it } from 'vitest';
import { UnitInput } from '../../common/schemas';
import { blankToUndefined, issuesToFields, toName } from './SchemaForm';

describe('schema form field errors', () => {
  it('turns server paths into antd field names', () => {
    expect(toName('grants.0.unitId')).toEqual(['grants', 0, 'unitId']);
    expect(toName(['rows', 3, 'deadline'])).toEqual(['rows', 3, 'deadline']);
    expect(toName('')).toEqual([]);
  });
  it('puts server details.fields on the same fields, one entry per field, and path-less issues at form level', () => {
    const r = issuesToFields([
      { path: 'username', message: '用户名已被使用' },
      { path: 'grants.0.unitId', message: '角色须指定单位或区域之一' },
      { path: 'username', message: '用户名为3-40位小写字母' },
      { path: '', message: '整体有误' },
    ]);
    expect(r.fields).toEqual([
      { name: ['username'], errors: ['用户名已被使用', '用户名为3-40位小写字母'] },
      { name: ['grants', 0, 'unitId'], errors: ['角色须指定单位或区域之一'] },
    ]);
    expect(r.formLevel).toEqual(['整体有误']);
  });
  it('binds client zod issues of the shared schema the same way', () => {
    const parsed = UnitInput.safeParse(blankToUndefined({ name: '区', type: 'department', regionId: 'not-a-uuid', shortName: '' }));
    expect(parsed.success).toBe(false);
    const names = issuesToFields(parsed.error!.issues.map((i) => ({ path: i.path, message: i.message }))).fields.map((f) => f.name.join('.'));
    expect(names).toEqual(expect.arrayContaining(['name', 'regionId']));
    expect(names).not.toContain('shortName');
  });
  it('treats cleared inputs as absent', () => {
    expect(blankToUndefined({ a: '', b: 'x', c: [{ d: '' }] })).toEqual({ a: undefined, b: 'x', c: [{ d: undefined }] });
  });
});
