import { StatusTag, type StatusMap } from '../../components/StatusTag';
import { REVIEW_COLORS, STATUS_COLORS } from './i18n';

const TASK_MAP: StatusMap = Object.fromEntries(Object.entries(STATUS_COLORS).map(([k, color]) => [k, { color, labelKey: `plan.status.${k}` }]));
const REVIEW_MAP: StatusMap = Object.fromEntries(Object.entries(REVIEW_COLORS).map(([k, color]) => [k, { color, labelKey: `plan.review.${k}` }]));

/** A task's derived status (未开始/推进中/临期/逾期/已完成/退回). */
export const TaskStatusTag = ({ status }: { status: string }) => <StatusTag status={status} map={TASK_MAP} />;
/** An entry's review state. */
export const ReviewTag = ({ status }: { status: string }) => <StatusTag status={status} map={REVIEW_MAP} />;
