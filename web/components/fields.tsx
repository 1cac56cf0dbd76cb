import { DatePicker, Form, TreeSelect } from 'antd';
import type { FormItemProps } from 'antd';
import dayjs from 'dayjs';
import type { Region } from '../api/types';

/** Form.Item props that store a DatePicker's value as 'YYYY-MM-DD' (what the zod schemas expect). */
export const dateItem: Pick<FormItemProps, 'getValueProps' | 'normalize'> = {
  getValueProps: (v: string | null | undefined) => ({ value: v ? dayjs(v) : null }),
  normalize: (d: dayjs.Dayjs | null) => (d ? d.format('YYYY-MM-DD') : null),
};

/** A date field bound to a 'YYYY-MM-DD' string. */
export function DateField(props: FormItemProps) {
  return (
    <Form.Item {...dateItem} {...props}>
      <DatePicker style={{ width: '100%' }} />
    </Form.Item>
  );
}

/** A region tree (for TreeSelect and Tree) from the flat region list. */
export interface RegionNode {
  key: string;
  value: string;
  title: string;
  children: RegionNode[];
}
/** Builds the region tree; regions whose parent is not visible become roots. */
export function regionTree(regions: Region[]): RegionNode[] {
  const nodes = new Map(regions.map((r) => [r.id, { key: r.id, value: r.id, title: r.name, children: [] as RegionNode[] }]));
  const roots: RegionNode[] = [];
  for (const r of regions) {
    const n = nodes.get(r.id)!;
    const parent = r.parentId ? nodes.get(r.parentId) : undefined;
    if (parent) parent.children.push(n);
    else roots.push(n);
  }
  return roots;
}

/** A region picker. */
export function RegionSelect({ regions, value, onChange, placeholder }: { regions: Region[]; value?: string; onChange?: (v: string) => void; placeholder?: string }) {
  return <TreeSelect treeData={regionTree(regions)} value={value} onChange={onChange} placeholder={placeholder} treeDefaultExpandAll showSearch={{ treeNodeFilterProp: 'title' }} style={{ width: '100%' }} />;
}
