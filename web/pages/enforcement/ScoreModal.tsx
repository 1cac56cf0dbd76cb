import { Modal, Form, Input, InputNumber, Checkbox, Table, App, Space, Typography } from 'antd';
import type { z } from 'zod';
import { ScoreInput, type CampaignOut, type ReviewFileOut } from '../../../common/enforcement';
import { useT } from '../../i18n';
import { api } from '../../api/client';
import { SchemaForm, useSchemaForm } from '../../components/SchemaForm';
import { DateField } from '../../components/fields';

type Campaign = z.infer<typeof CampaignOut>;
type File = z.infer<typeof ReviewFileOut>;

/**
 * The scoring sheet of one sampled file: one row per criterion of the campaign (deduction up to the item's
 * points, veto where the criterion allows it, the problem found); the server computes score and grade and
 * refuses a deduction outside the item's range, naming the row.
 */
export function ScoreModal({ campaign, file, onClose, onDone }: { campaign: Campaign; file: File; onClose(): void; onDone(): void }) {
  const { t, colon } = useT();
  const { message } = App.useApp();
  const sf = useSchemaForm(ScoreInput);
  const r = (k: string) => t(`enforcement.reviews.sheet.${k}`);
  const items = Form.useWatch('items', sf.form) as { deduction?: number; vetoed?: boolean }[] | undefined;
  const deducted = (items ?? []).reduce((s, x) => s + (Number(x?.deduction) || 0), 0);
  const vetoed = (items ?? []).some((x) => x?.vetoed);
  const preview = vetoed ? 0 : Math.round((100 - deducted) * 10) / 10;
  return (
    <Modal open title={`${r('title')}${colon}${file.caseNo} ${file.caseTitle}`} width={980} onCancel={onClose} onOk={() => sf.form.submit()} destroyOnHidden
      okButtonProps={{ loading: sf.submitting, 'data-testid': 'score-save' } as never}>
      <SchemaForm sf={sf} layout="vertical" preserve={false}
        initialValues={{ reviewer: '', rectifyWithinDays: 30, items: campaign.criteria.map((c) => ({ code: c.code, deduction: 0, vetoed: false, problem: '' })) }}
        onSubmit={async (v) => {
          await api.post(`/api/v1/enforcement/reviews/files/${file.id}/score`, v);
          void message.success(t('common.saved'));
          onDone();
        }}>
        <Space size="large" wrap>
          <Form.Item name="reviewer" label={r('reviewer')} required><Input id="score-reviewer" style={{ width: 200 }} /></Form.Item>
          <DateField name="on" label={r('on')} required />
          <Form.Item name="rectifyWithinDays" label={r('rectifyWithinDays')}><InputNumber min={1} max={180} /></Form.Item>
          <Typography.Text strong data-testid="score-preview">{r('preview')}{colon}{preview}</Typography.Text>
        </Space>
        <Table size="small" rowKey="code" pagination={false} dataSource={campaign.criteria} scroll={{ y: 420 }}
          columns={[
            { title: r('criterion'), dataIndex: 'name', render: (v: string, c) => <>{v}<div className="fz-muted">{t(`enforcement.problemCategory.${c.category}`)} · {r('max')} {c.max}</div></> },
            { title: r('deduction'), key: 'deduction', width: 130, render: (_: unknown, c, i) => (
              <>
                <Form.Item name={['items', i, 'code']} hidden><Input /></Form.Item>
                <Form.Item name={['items', i, 'deduction']} style={{ margin: 0 }}><InputNumber min={0} step={0.5} style={{ width: 100 }} data-testid={`score-deduction-${c.code}`} /></Form.Item>
              </>
            ) },
            { title: r('veto'), key: 'veto', width: 70, render: (_: unknown, c, i) => c.veto && (
              <Form.Item name={['items', i, 'vetoed']} valuePropName="checked" style={{ margin: 0 }}><Checkbox /></Form.Item>
            ) },
            { title: r('problem'), key: 'problem', render: (_: unknown, c, i) => (
              <Form.Item name={['items', i, 'problem']} style={{ margin: 0 }}><Input data-testid={`score-problem-${c.code}`} /></Form.Item>
            ) },
          ]} />
      </SchemaForm>
    </Modal>
  );
}
