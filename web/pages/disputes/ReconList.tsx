import { Link } from 'react-router-dom';
import { Modal, Form, Input, Select, Row, Col, App, Checkbox, Radio, Tag } from 'antd';
import { CASE_TYPES } from '../../../common/disputes';
import { ReconsiderationInput } from '../../../common/disputes-inputs';
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
import { RECON_STATUS_MAP, useTerm, useUnits } from './shared';
import type { Recon, ReconDetail } from '../../../common/disputes-api';

/** 申请登记: the application with the dates the timeliness check needs. */
function RegisterReconModal({ open, onClose, onSaved }: { open: boolean; onClose(): void; onSaved(c: ReconDetail): void }) {
  const { t } = useT();
  const { message } = App.useApp();
  const sf = useSchemaForm(ReconsiderationInput);
  const units = useUnits();
  const term = useTerm();
  const informed = Form.useWatch('informedOfRights', sf.form) as boolean | undefined;
  return (
    <Modal open={open} title={t('disputes.recon.register')} onCancel={onClose} onOk={() => sf.form.submit()} okText={t('common.submit')} okButtonProps={{ loading: sf.submitting, 'data-testid': 'recon-save' } as never} destroyOnHidden width={760}>
      <SchemaForm
        sf={sf}
        layout="vertical"
        preserve={false}
        initialValues={{ applicantType: 'natural', informedOfRights: true, immovable: false, procedure: 'ordinary' }}
        onSubmit={async (v) => {
          const c = await api.post<ReconDetail>('/api/v1/disputes/reconsiderations', v);
          void message.success(t('disputes.recon.registered'));
          onSaved(c);
        }}
      >
        <Row gutter={12}>
          <Col span={12}><Form.Item name="respondentUnitId" label={t('disputes.recon.respondent')} required><Select showSearch={{ optionFilterProp: 'label' }} options={units.agencies} data-testid="recon-respondent" /></Form.Item></Col>
          <Col span={12}><Form.Item name="caseType" label={t('disputes.common.caseType')} required><Select options={CASE_TYPES.map((c) => ({ value: c, label: term(c) }))} data-testid="recon-caseType" /></Form.Item></Col>
        </Row>
        <Row gutter={12}>
          <Col span={8}><Form.Item name="applicantName" label={t('disputes.recon.applicant')} required><Input id="recon-applicant" /></Form.Item></Col>
          <Col span={8}><Form.Item name="applicantType" label={t('disputes.recon.applicantType')} required><Select options={(['natural', 'legal', 'other'] as const).map((k) => ({ value: k, label: t(`disputes.common.partyTypes.${k}`) }))} /></Form.Item></Col>
          <Col span={8}><Form.Item name="applicantContact" label={t('disputes.recon.applicantContact')}><Input /></Form.Item></Col>
        </Row>
        <Form.Item name="actChallenged" label={t('disputes.recon.act')} required><Input.TextArea id="recon-act" rows={2} /></Form.Item>
        <Row gutter={12}>
          <Col span={8}><DateField name="actDate" label={t('disputes.recon.actDate')} /></Col>
          <Col span={8}><DateField name="knewDate" label={t('disputes.recon.knewDate')} required /></Col>
          <Col span={8}><DateField name="receivedDate" label={t('disputes.recon.receivedDate')} required /></Col>
        </Row>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="informedOfRights" valuePropName="checked"><Checkbox>{t('disputes.recon.informedOfRights')}</Checkbox></Form.Item>
            <Form.Item name="immovable" valuePropName="checked"><Checkbox>{t('disputes.recon.immovable')}</Checkbox></Form.Item>
          </Col>
          <Col span={12}>{informed === false && <DateField name="rightsKnownDate" label={t('disputes.recon.rightsKnownDate')} />}</Col>
        </Row>
        <Form.Item name="procedure" label={t('disputes.recon.procedure')}>
          <Radio.Group options={(['ordinary', 'simplified'] as const).map((k) => ({ value: k, label: t(`disputes.recon.procedures.${k}`) }))} />
        </Form.Item>
        <Form.Item name="caseNo" label={t('disputes.common.caseNo')}><Input placeholder="中站政复〔2020〕1号" /></Form.Item>
      </SchemaForm>
    </Modal>
  );
}

/** 行政复议案件登记: the scoped register with the decision deadline and the timeliness check. */
export default function ReconListPage() {
  const { t, lang } = useT();
  const { can } = useAuth();
  const term = useTerm();
  const open = ['received', 'correction', 'accepted', 'suspended'];

  const columns: DataColumn<Recon>[] = [
    { key: 'caseNo', title: t('disputes.common.caseNo'), sortable: true, render: (v: string, c) => <Link to={`/disputes/reconsiderations/${c.id}`}>{v}</Link> },
    { key: 'applicantName', title: t('disputes.recon.applicant') },
    { key: 'respondentUnitName', title: t('disputes.recon.respondent') },
    { key: 'caseType', title: t('disputes.common.caseType'), render: (v: string) => term(v) },
    { key: 'receivedDate', title: t('disputes.recon.receivedDate'), sortable: true, render: (v: string, c) => <>{formatDate(v, lang)}{!c.timely && <Tag color="red" style={{ marginLeft: 6 }}>{t('disputes.recon.timelyNo')}</Tag>}</> },
    { key: 'status', title: t('disputes.common.status'), sortable: true, render: (v: string) => <StatusTag status={v} map={RECON_STATUS_MAP} /> },
    {
      key: 'decisionDue',
      title: t('disputes.recon.decisionDue'),
      sortable: true,
      render: (v: string | null, c) => (!v ? '—' : open.includes(c.status) ? <DeadlineBadge dueDate={v} /> : <span className="fz-muted">{formatDate(v, lang)}</span>),
    },
    { key: 'outcome', title: t('disputes.recon.outcome'), render: (v: string | null) => term(v) },
    { key: 'lawVersion', title: t('disputes.recon.lawVersion'), defaultHidden: true, render: (v: string) => t(`disputes.recon.laws.${v}`) },
    { key: 'actChallenged', title: t('disputes.recon.act'), defaultHidden: true, ellipsis: true },
  ];

  return (
    <CaseRegister<Recon>
      id="disputes-recon"
      testId="recon"
      title={t('disputes.recon.title')}
      url="/api/v1/disputes/reconsiderations"
      detailPath="/disputes/reconsiderations"
      columns={columns}
      statusMap={RECON_STATUS_MAP}
      unitLabel={t('disputes.recon.respondent')}
      filtersAtEnd={[{ key: 'lawVersion', label: t('disputes.recon.lawVersion'), type: 'select', width: 190, options: (['2017', '2023'] as const).map((k) => ({ value: k, label: t(`disputes.recon.laws.${k}`) })) }]}
      canRegister={can('disputes.reconsideration.register')}
      registerLabel={t('disputes.recon.register')}
      importTitle={t('disputes.recon.importTitle')}
      RegisterModal={RegisterReconModal}
    />
  );
}
