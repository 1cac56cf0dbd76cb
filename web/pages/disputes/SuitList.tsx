import { Link } from 'react-router-dom';
import { Modal, Form, Input, Select, Row, Col, App } from 'antd';
import { CASE_TYPES } from '../../../common/disputes';
import { LawsuitInput } from '../../../common/disputes-inputs';
import { useT } from '../../i18n';
import { useAuth } from '../../auth';
import { api } from '../../api/client';
import type { DataColumn } from '../../components/DataTable';
import { SchemaForm, useSchemaForm } from '../../components/SchemaForm';
import { DateField } from '../../components/fields';
import { DeadlineBadge } from '../../components/DeadlineBadge';
import { StatusTag } from '../../components/StatusTag';
import { CaseRegister } from './CaseRegister';
import { formatDate } from '../../format';
import { SUIT_STATUS_MAP, useTerm, useUnits } from './shared';
import type { Suit, SuitDetail } from '../../../common/disputes-api';

/** 应诉登记: the lawsuit as the complaint copy arrives (starts the 15-day defence clock). */
function RegisterSuitModal({ open, onClose, onSaved }: { open: boolean; onClose(): void; onSaved(s: SuitDetail): void }) {
  const { t } = useT();
  const { message } = App.useApp();
  const sf = useSchemaForm(LawsuitInput);
  const units = useUnits();
  const term = useTerm();
  const party = (['natural', 'legal', 'other'] as const).map((k) => ({ value: k, label: t(`disputes.common.partyTypes.${k}`) }));
  return (
    <Modal open={open} title={t('disputes.suit.register')} onCancel={onClose} onOk={() => sf.form.submit()} okText={t('common.submit')} okButtonProps={{ loading: sf.submitting, 'data-testid': 'suit-save' } as never} destroyOnHidden width={760}>
      <SchemaForm
        sf={sf}
        layout="vertical"
        preserve={false}
        initialValues={{ plaintiffType: 'natural' }}
        onSubmit={async (v) => {
          const s = await api.post<SuitDetail>('/api/v1/disputes/lawsuits', v);
          void message.success(t('disputes.suit.registered'));
          onSaved(s);
        }}
      >
        <Row gutter={12}>
          <Col span={12}><Form.Item name="caseNo" label={t('disputes.common.caseNo')} required><Input id="suit-caseNo" placeholder="（2020）豫0803行初1号" /></Form.Item></Col>
          <Col span={12}><Form.Item name="courtName" label={t('disputes.suit.court')} required><Input id="suit-court" /></Form.Item></Col>
        </Row>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="defendantUnitId" label={t('disputes.suit.defendant')} required>
              <Select showSearch={{ optionFilterProp: 'label' }} options={units.agencies} data-testid="suit-defendant" />
            </Form.Item>
          </Col>
          <Col span={12}><Form.Item name="caseType" label={t('disputes.common.caseType')} required><Select options={CASE_TYPES.map((c) => ({ value: c, label: term(c) }))} data-testid="suit-caseType" /></Form.Item></Col>
        </Row>
        <Row gutter={12}>
          <Col span={12}><Form.Item name="plaintiffName" label={t('disputes.suit.plaintiff')} required><Input id="suit-plaintiff" /></Form.Item></Col>
          <Col span={12}><Form.Item name="plaintiffType" label={t('disputes.suit.plaintiffType')} required><Select options={party} /></Form.Item></Col>
        </Row>
        <Form.Item name="actChallenged" label={t('disputes.suit.act')} required><Input.TextArea id="suit-act" rows={2} /></Form.Item>
        <Row gutter={12}>
          <Col span={12}><DateField name="filedDate" label={t('disputes.suit.filedDate')} /></Col>
          <Col span={12}><DateField name="complaintReceivedDate" label={t('disputes.suit.complaintReceived')} required extra={t('disputes.suit.complaintHint')} /></Col>
        </Row>
        <Row gutter={12}>
          <Col span={12}><Form.Item name="advisorUnitId" label={t('disputes.suit.advisorFirm')}><Select allowClear options={units.firms} /></Form.Item></Col>
          <Col span={12}><Form.Item name="advisorName" label={t('disputes.suit.advisorName')}><Input /></Form.Item></Col>
        </Row>
      </SchemaForm>
    </Modal>
  );
}

/** 行政应诉案件登记: the scoped register with the defence deadline up front. */
export default function SuitListPage() {
  const { t, lang } = useT();
  const { can } = useAuth();
  const term = useTerm();

  const columns: DataColumn<Suit>[] = [
    { key: 'caseNo', title: t('disputes.common.caseNo'), sortable: true, render: (v: string, s) => <Link to={`/disputes/lawsuits/${s.id}`}>{v}</Link> },
    { key: 'defendantUnitName', title: t('disputes.suit.defendant') },
    { key: 'plaintiffName', title: t('disputes.suit.plaintiff') },
    { key: 'caseType', title: t('disputes.common.caseType'), render: (v: string) => term(v) },
    { key: 'stage', title: t('disputes.suit.stage'), render: (v: string) => t(`disputes.suit.stages.${v}`) },
    { key: 'status', title: t('disputes.common.status'), sortable: true, render: (v: string) => <StatusTag status={v} map={SUIT_STATUS_MAP} /> },
    { key: 'receivedDate', dataIndex: 'complaintReceivedDate', title: t('disputes.suit.complaintReceived'), sortable: true, render: (v: string) => formatDate(v, lang) },
    {
      key: 'defenceDue',
      title: t('disputes.suit.defenceDue'),
      sortable: true,
      render: (v: string | null, s) => (!v ? '—' : s.status === 'defence' ? <DeadlineBadge dueDate={v} /> : <span className="fz-muted">{formatDate(v, lang)}</span>),
    },
    { key: 'finalOutcome', title: t('disputes.suit.finalOutcome'), render: (v: string | null, s) => (v ? term(v) : s.lastOutcome ? term(s.lastOutcome) : '—') },
    { key: 'courtName', title: t('disputes.suit.court'), defaultHidden: true },
    { key: 'advisorUnitName', title: t('disputes.suit.advisorFirm'), defaultHidden: true, render: (v: string | null) => v ?? '—' },
  ];

  return (
    <CaseRegister<Suit>
      id="disputes-lawsuits"
      testId="suit"
      title={t('disputes.suit.title')}
      url="/api/v1/disputes/lawsuits"
      detailPath="/disputes/lawsuits"
      columns={columns}
      statusMap={SUIT_STATUS_MAP}
      unitLabel={t('disputes.suit.defendant')}
      filtersAfterStatus={[{ key: 'stage', label: t('disputes.suit.stage'), type: 'select', width: 110, options: (['first', 'appeal', 'retrial'] as const).map((k) => ({ value: k, label: t(`disputes.suit.stages.${k}`) })) }]}
      canRegister={can('disputes.litigation.register')}
      registerLabel={t('disputes.suit.register')}
      importTitle={t('disputes.suit.importTitle')}
      RegisterModal={RegisterSuitModal}
    />
  );
}
