/**
 * Names of the synthetic province (示范省, division code 99…): its cities, districts/counties, the
 * departments every district government has, and the vocabularies of its records. Fictional on
 * purpose, so the dataset never collides with the Zhongzhan demo (河南省 41…) or with a real region.
 */

/** The province's division code and name. */
export const PROVINCE = { code: '990000', name: '示范省' };

/** City names (up to 18; more get a number). */
export const CITIES = [
  '临河市', '安平市', '长宁市', '清源市', '永和市', '丰乐市', '宁远市', '河阳市', '凤城市',
  '云岭市', '泰和市', '景川市', '平江市', '金山市', '石桥市', '白沙市', '新田市', '兴安市',
];

/** District/county name stems; every third unit below a city is a county (县), the rest districts (区). */
export const DISTRICT_STEMS = ['城关', '东城', '西城', '南湖', '北山', '新华', '高新', '永宁', '清河', '安定', '长乐', '和平'];

/**
 * The units of every district government, in the government's order: [name (区… form), type, may enforce].
 * A county's units read 县… instead of 区….
 */
export const UNITS: [string, 'government' | 'department' | 'enforcement' | 'subdistrict', boolean][] = [
  ['区人民政府', 'government', false],
  ['区政府办公室', 'department', false],
  ['区发展和改革委员会', 'department', true],
  ['区教育局', 'department', true],
  ['区公安分局', 'department', true],
  ['区民政局', 'department', true],
  ['区司法局', 'department', false],
  ['区财政局', 'department', true],
  ['区人力资源和社会保障局', 'department', true],
  ['区自然资源局', 'department', true],
  ['区住房和城乡建设局', 'department', true],
  ['区城市管理局', 'department', true],
  ['区交通运输局', 'department', true],
  ['区农业农村局', 'department', true],
  ['区水利局', 'department', true],
  ['区商务局', 'department', true],
  ['区文化广电和旅游局', 'department', true],
  ['区卫生健康委员会', 'department', true],
  ['区应急管理局', 'department', true],
  ['区审计局', 'department', false],
  ['区市场监督管理局', 'department', true],
  ['区统计局', 'department', true],
  ['区医疗保障局', 'department', true],
  ['区信访局', 'department', false],
  ['区生态环境分局', 'department', true],
  ['区城市管理综合执法大队', 'enforcement', true],
  ['区农业综合行政执法大队', 'enforcement', true],
  ['区市场监管综合执法大队', 'enforcement', true],
  ['城关街道办事处', 'subdistrict', true],
  ['东关街道办事处', 'subdistrict', true],
  ['西关街道办事处', 'subdistrict', true],
  ['南关街道办事处', 'subdistrict', true],
  ['北关街道办事处', 'subdistrict', true],
  ['新华街道办事处', 'subdistrict', true],
];
/** Index of the first subdistrict office in UNITS, and how many there are. */
export const SUB0 = UNITS.findIndex((u) => u[1] === 'subdistrict');
export const SUBS = UNITS.length - SUB0;
/** Index of 区司法局 (the legal-aid centre's and the office's unit). */
export const JUSTICE = UNITS.findIndex((u) => u[0] === '区司法局');
/** Units that hold enforcement powers; the busiest (market supervision, city management, their teams) weigh double. */
export const ENFORCERS = UNITS.flatMap((u, j) => (u[2] ? (/市场|城市管理|综合执法/.test(u[0]) ? [j, j, j] : [j]) : []));
/** Units that issue normative documents: the government and its departments. */
export const ISSUERS = UNITS.flatMap((u, j) => (u[1] === 'government' || u[1] === 'department' ? [j] : []));
/** Departments that own plan tasks and answer reconsideration and lawsuits. */
export const DEPARTMENTS = UNITS.flatMap((u, j) => (u[1] === 'department' ? [j] : []));

/** Surnames for synthetic persons (parties are recorded as 张某 etc., as published decisions do). */
export const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '胡', '朱', '高', '林', '何', '郭', '马', '罗'];
export const GIVEN = ['伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀英', '华', '平'];

/** Causes of enforcement cases, by system. */
export const CAUSES: Record<'penalty' | 'license' | 'inspection' | 'coercion', string[]> = {
  penalty: ['未按规定公示营业执照', '占道经营', '无证经营', '销售过期食品', '违规排放污水', '未按规定设置安全警示标志', '违法建设', '超限运输', '未取得许可从事经营活动', '虚假宣传'],
  license: ['食品经营许可', '建设工程规划许可', '道路运输经营许可', '户外广告设置许可', '排水许可', '医疗机构执业登记'],
  inspection: ['食品安全日常检查', '安全生产监督检查', '消防安全检查', '环境保护专项检查', '特种设备安全检查', '价格监督检查'],
  coercion: ['查封经营场所', '扣押违法物品', '暂扣车辆', '冻结存款'],
};

/** The ten areas of the Outline (纲要) a plan's key works follow. */
export const KEY_WORKS = [
  '依法全面履行政府职能', '完善依法行政制度体系', '推进科学民主依法决策', '深化行政执法体制改革', '严格规范公正文明执法',
  '强化对行政权力的制约和监督', '依法有效化解社会矛盾纠纷', '全面提高政府工作人员法治思维和依法行政能力', '加强法治政府建设科技保障', '加强党对法治政府建设的领导',
];

/** Mediation dispute types (codes of DEFAULT_DISPUTE_TYPES), weighted as in a typical district. */
export const DISPUTE_TYPES = ['neighbour', 'neighbour', 'family', 'family', 'property', 'damages', 'contract', 'housing', 'labour', 'traffic', 'consumer', 'land', 'demolition', 'medical', 'environment', 'business', 'other'];

/** Reconsideration case types and outcomes (values of common/disputes.ts). */
export const RECON_TYPES = ['行政处罚', '行政强制', '行政许可', '行政确认', '工伤认定', '政府信息公开', '不履行法定职责', '行政登记', '其他'];
export const RECON_OUTCOMES = ['维持', '维持', '维持', '驳回复议请求', '驳回复议请求', '撤销', '确认违法', '变更', '责令履行', '驳回申请', '调解书'];
/** Lawsuit final outcomes with whether the agency lost (values of LAWSUIT_OUTCOMES). */
export const SUIT_OUTCOMES: [string, boolean][] = [['驳回诉讼请求', false], ['驳回诉讼请求', false], ['驳回起诉', false], ['准许撤诉', false], ['撤销', true], ['确认违法', true], ['调解', false]];

/** Learning activity kinds (ACTIVITY_KINDS keys) with the audience a training or exam needs. */
export const ACTIVITIES: [string, string | null, string][] = [
  ['executive_study', null, '政府常务会议学法'], ['lecture', null, '法治专题讲座'], ['group_viewing', null, '集中观看法治教育片'],
  ['test', null, '依法行政知识测试'], ['training', 'enforcement', '行政执法人员业务培训'], ['exam', 'enforcement', '行政执法人员公共法律知识考试'],
  ['competition', null, '法律知识竞赛'], ['training', 'staff', '机关工作人员法治培训'],
];
