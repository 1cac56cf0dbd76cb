import { useMemo, useState } from 'react';
import { Button, Modal, Form, Input, Select, App, Tag, Drawer, List, Popconfirm, Space, Alert, Row, Col, Empty } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { z } from 'zod';
import { UserInput, GrantInput } from '../../../common/schemas';
import { ROLES, UNIT_ROLES, type Role } from '../../../common/roles';
import { useT } from '../../i18n';
import { api } from '../../api/client';
import { useApi } from '../../api/useApi';
import type { Grant, Region, Unit, User } from '../../api/types';
import { DataTable, type DataColumn } from '../../components/DataTable';
import { SchemaForm, useSchemaForm } from '../../components/SchemaForm';
import { RegionSelect } from '../../components/fields';
import { PageTitle } from '../../layout/AppLayout';
import { StatusTag, type StatusMap } from '../../components/StatusTag';

const USER_STATUS: StatusMap = {
  active: { color: 'green', labelKey: 'adminPages.users.active' },
  inactive: { color: 'default', labelKey: 'adminPages.users.inactive' },
};

/** The role + scope fields of a grant (a unit role needs a unit, a region role a region). */
function GrantFields({ prefix, units, regions }: { prefix: (string | number)[]; units: Unit[]; regions: Region[] }) {
  const { t } = useT();
  const role = Form.useWatch([...prefix, 'role']) as Role | undefined;
  const unitRole = role ? UNIT_ROLES.includes(role) : true;
  return (
    <Row gutter={12}>
      <Col span={10}>
        <Form.Item name={[...prefix, 'role']} label={t('adminPages.users.grantRole')} required>
          <Select options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))} data-testid="grant-role" />
        </Form.Item>
      </Col>
      <Col span={14}>
        {unitRole ? (
          <Form.Item name={[...prefix, 'unitId']} label={t('adminPages.users.grantUnit')} required>
            <Select showSearch={{ optionFilterProp: 'label' }} options={units.map((u) => ({ value: u.id, label: u.name }))} data-testid="grant-unit" />
          </Form.Item>
        ) : (
          <Form.Item name={[...prefix, 'regionId']} label={t('adminPages.users.grantRegion')} required>
            <RegionSelect regions={regions} />
          </Form.Item>
        )}
      </Col>
    </Row>
  );
}

/** New user: account, unit, initial password and a first role grant. */
function CreateUserModal({ open, units, regions, onClose, onSaved }: { open: boolean; units: Unit[]; regions: Region[]; onClose(): void; onSaved(): void }) {
  const { t, semi } = useT();
  const { message } = App.useApp();
  const schema = UserInput.extend({ grants: z.array(GrantInput).max(1) });
  const sf = useSchemaForm(schema);
  return (
    <Modal open={open} title={t('adminPages.users.create')} onCancel={onClose} onOk={() => sf.form.submit()} okButtonProps={{ loading: sf.submitting, 'data-testid': 'user-save' } as never} destroyOnHidden width={600}>
      <SchemaForm
        sf={sf}
        layout="vertical"
        preserve={false}
        initialValues={{ grants: [{ role: 'liaison' }] }}
        onValuesChange={(changed: { grants?: { unitId?: string }[] }) => {
          // The account's unit follows the unit of its first grant unless chosen otherwise.
          const u = changed.grants?.[0]?.unitId;
          if (u && !sf.form.getFieldValue('unitId')) sf.form.setFieldValue('unitId', u);
        }}
        onSubmit={async (v) => {
          await api.post('/api/v1/users', v);
          void message.success(t('adminPages.users.created'));
          onSaved();
        }}
      >
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="username" label={t('adminPages.users.username')} required><Input id="user-username" autoComplete="off" /></Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="displayName" label={t('adminPages.users.displayName')} required><Input id="user-displayName" /></Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="unitId" label={t('adminPages.users.unit')}>
              <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={units.map((u) => ({ value: u.id, label: u.name }))} data-testid="user-unit" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="phone" label={t('adminPages.users.phone')}><Input /></Form.Item>
          </Col>
        </Row>
        <Form.Item name="password" label={t('adminPages.users.password')} required extra={`${t('adminPages.users.passwordHint')}${semi}${t('password.policy')}`}>
          <Input.Password id="user-password" autoComplete="new-password" />
        </Form.Item>
        <Alert type="info" showIcon title={t('adminPages.users.unitRoleHint')} style={{ marginBottom: 12 }} />
        <GrantFields prefix={['grants', 0]} units={units} regions={regions} />
      </SchemaForm>
    </Modal>
  );
}

/** The grants of one user: list, revoke, grant. */
function GrantsDrawer({ user, units, regions, onClose, onChanged }: { user: User | null; units: Unit[]; regions: Region[]; onClose(): void; onChanged(): void }) {
  const { t } = useT();
  const { message } = App.useApp();
  const sf = useSchemaForm(GrantInput);
  const scopeName = (g: Grant) => (g.unitId ? units.find((u) => u.id === g.unitId)?.name : regions.find((r) => r.id === g.regionId)?.name) ?? '—';
  return (
    <Drawer open={!!user} title={user ? `${t('adminPages.users.grants')} · ${user.displayName}` : ''} width={560} onClose={onClose} destroyOnHidden>
      {user && (
        <>
          <List
            dataSource={user.grants ?? []}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('adminPages.users.noGrants')} /> }}
            renderItem={(g) => (
              <List.Item
                actions={[
                  <Popconfirm key="r" title={t('adminPages.users.revokeConfirm')} onConfirm={async () => {
                    await api.del(`/api/v1/users/${user.id}/grants/${g.id}`);
                    void message.success(t('adminPages.users.revoked'));
                    onChanged();
                  }}>
                    <Button type="link" danger size="small">{t('adminPages.users.revoke')}</Button>
                  </Popconfirm>,
                ]}
              >
                <Space><Tag color="blue">{t(`roles.${g.role}`)}</Tag>{scopeName(g)}</Space>
              </List.Item>
            )}
          />
          <SchemaForm
            sf={sf}
            layout="vertical"
            style={{ marginTop: 16 }}
            initialValues={{ role: 'liaison' }}
            onSubmit={async (v) => {
              await api.post(`/api/v1/users/${user.id}/grants`, v);
              void message.success(t('adminPages.users.granted'));
              sf.form.resetFields();
              onChanged();
            }}
          >
            <GrantFields prefix={[]} units={units} regions={regions} />
            <Button type="primary" htmlType="submit" loading={sf.submitting}>{t('adminPages.users.addGrant')}</Button>
          </SchemaForm>
        </>
      )}
    </Drawer>
  );
}

/** Reset a user's password (they must change it at next sign-in). */
function ResetPasswordModal({ user, onClose }: { user: User | null; onClose(): void }) {
  const { t } = useT();
  const { message } = App.useApp();
  const sf = useSchemaForm(z.object({ password: z.string().min(1).max(128) }));
  return (
    <Modal open={!!user} title={user ? t('adminPages.users.resetTitle', { name: user.displayName }) : ''} onCancel={onClose} onOk={() => sf.form.submit()} okButtonProps={{ loading: sf.submitting }} destroyOnHidden>
      <SchemaForm sf={sf} layout="vertical" preserve={false} onSubmit={async (v) => {
        await api.post(`/api/v1/users/${user!.id}/reset-password`, v);
        void message.success(t('adminPages.users.resetDone'));
        onClose();
      }}>
        <Form.Item name="password" label={t('password.next')} extra={t('password.policy')} required><Input.Password autoComplete="new-password" /></Form.Item>
      </SchemaForm>
    </Modal>
  );
}

/** 用户与角色: accounts, role grants, password resets, deactivation. */
export default function UsersPage() {
  const { t } = useT();
  const { message } = App.useApp();
  const units = useApi<{ items: Unit[] }>('/api/v1/units');
  const regions = useApi<{ items: Region[] }>('/api/v1/regions');
  const [creating, setCreating] = useState(false);
  const [granting, setGranting] = useState<User | null>(null);
  const [resetting, setResetting] = useState<User | null>(null);
  const [reloadKey, setReloadKey] = useState(0);
  const users = useApi<{ items: User[] }>('/api/v1/users', { _r: reloadKey });
  const reload = () => setReloadKey((k) => k + 1);
  // Keep the drawer's user in sync with the reloaded list.
  const grantingUser = useMemo(() => (granting ? (users.data?.items.find((u) => u.id === granting.id) ?? granting) : null), [granting, users.data]);

  const columns: DataColumn<User>[] = [
    // A username is data the user types at sign-in (it may look like a code: city_office): shown as such.
    { key: 'username', title: t('adminPages.users.username'), sortable: true, render: (v: string) => <data value={v} className="fz-code">{v}</data> },
    { key: 'displayName', title: t('adminPages.users.displayName'), sortable: true },
    { key: 'unitName', title: t('adminPages.users.unit'), sortable: true, render: (v: string | null) => v ?? '—' },
    { key: 'grants', title: t('adminPages.users.roles'), render: (g: Grant[] = []) => g.map((x) => <Tag key={x.id} color="blue">{t(`roles.${x.role}`)}</Tag>) },
    {
      key: 'active', title: t('adminPages.users.status'),
      render: (_: boolean, u) => (
        <Space size={4}>
          <StatusTag status={u.active ? 'active' : 'inactive'} map={USER_STATUS} />
          {u.locked && <Tag color="red">{t('adminPages.users.locked')}</Tag>}
          {u.mustChangePassword && <Tag color="orange">{t('adminPages.users.mustChange')}</Tag>}
        </Space>
      ),
    },
    { key: 'phone', title: t('adminPages.users.phone'), defaultHidden: true },
    {
      key: 'actions', title: t('common.actions'),
      render: (_: unknown, u) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => setGranting(u)} data-testid={`grants-${u.username}`}>{t('adminPages.users.grants')}</Button>
          <Button type="link" size="small" onClick={() => setResetting(u)}>{t('adminPages.users.reset')}</Button>
          <Popconfirm title={u.active ? t('adminPages.users.deactivate') : t('adminPages.users.activate')} onConfirm={async () => {
            await api.patch(`/api/v1/users/${u.id}`, { active: !u.active });
            void message.success(t('common.saved'));
            reload();
          }}>
            <Button type="link" size="small" danger={u.active}>{u.active ? t('adminPages.users.deactivate') : t('adminPages.users.activate')}</Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageTitle title={t('adminPages.users.title')} />
      <DataTable<User>
        id="users"
        url="/api/v1/users"
        rowKey="id"
        columns={columns}
        reloadKey={reloadKey}
        filters={[
          { key: 'q', label: t('adminPages.users.q'), type: 'text' },
          { key: 'unitId', label: t('adminPages.users.unit'), type: 'select', width: 240, options: (units.data?.items ?? []).map((u) => ({ value: u.id, label: u.name })) },
        ]}
        toolbar={<Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="user-create">{t('adminPages.users.create')}</Button>}
      />
      <CreateUserModal open={creating} units={units.data?.items ?? []} regions={regions.data?.items ?? []} onClose={() => setCreating(false)} onSaved={() => { setCreating(false); reload(); }} />
      <GrantsDrawer user={grantingUser} units={units.data?.items ?? []} regions={regions.data?.items ?? []} onClose={() => setGranting(null)} onChanged={reload} />
      <ResetPasswordModal user={resetting} onClose={() => { setResetting(null); reload(); }} />
    </>
  );
}
