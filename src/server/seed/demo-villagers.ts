/**
 * The demo centre's villagers: four villages, households of several people,
 * a few who gave no consent (a display name only, as staff call them).
 * Phones are made up but well-formed mainland mobile numbers.
 */
export interface DemoVillager {
  name: string;
  /** Absent: no consent, the name is all that is kept. */
  details?: { phone: string; village: string; household: string; householdSize: number; notes: string };
}

const v = (name: string, phone: string, village: string, household: string, householdSize: number, notes = ''): DemoVillager => ({
  name,
  details: { phone, village, household, householdSize, notes },
});

export const DEMO_VILLAGES = ['红旗村', '团结村', '幸福村', '胜利村'] as const;

export const DEMO_VILLAGERS: readonly DemoVillager[] = [
  v('张桂兰', '13899120417', '红旗村', '张建国家', 5, '腿脚不便，包裹可由孙子张磊代取'),
  v('张磊', '15909913386', '红旗村', '张建国家', 5),
  v('刘秀英', '13779905521', '红旗村', '刘家', 3, '常在拼多多买农资'),
  v('陈志强', '18999287764', '红旗村', '陈志强家', 4),
  v('赵玉梅', '13565439902', '红旗村', '赵家', 2),
  v('买买提·艾力', '13399851206', '团结村', '买买提·艾力家', 6, '只用微信支付，需要维吾尔语帮助'),
  v('古丽娜尔·吐尔逊', '15299664310', '团结村', '买买提·艾力家', 6),
  v('艾克拜尔·阿不都', '18690017253', '团结村', '艾克拜尔家', 4),
  v('王德福', '13909945178', '团结村', '王德福家', 3, '合作社社员，订购棉花种子'),
  v('马海燕', '17799413608', '团结村', '马家', 5),
  v('杨春花', '13150226874', '幸福村', '杨家', 4),
  v('孙立军', '18099352219', '幸福村', '孙立军家', 3),
  v('孙小雨', '15609928841', '幸福村', '孙立军家', 3, '在乌鲁木齐上学，假期回村'),
  v('周翠萍', '13239987015', '幸福村', '周家', 2),
  v('吴建华', '13899561743', '幸福村', '吴建华家', 5),
  v('阿依努尔·买买提', '15199076628', '胜利村', '阿依努尔家', 4),
  v('努尔兰·沙吾提', '18935540917', '胜利村', '努尔兰家', 3),
  v('郑玉兰', '13579940263', '胜利村', '郑家', 6, '订单多，常买儿童用品'),
  v('何永亮', '17690128835', '胜利村', '何永亮家', 2),
  v('黄淑珍', '13009977412', '胜利村', '黄家', 1, '独居老人，电话请说慢一点'),
  v('高成', '15899314450', '红旗村', '高成家', 4),
  { name: '李大爷' },
  { name: '老周（放羊的）' },
  { name: '小马' },
  { name: '热依拉' },
];
