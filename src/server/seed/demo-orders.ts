import type { OrderStatus } from '../../shared/domain/order-status';

/**
 * The demo centre's assisted orders and parcels over the last two weeks
 * (and two from last winter, which the tablets leave on the server):
 * every status, moved by the demo staff (0: 王芳, 1: 李强, 2: 阿依古丽), and
 * some that ask for attention — placed or paid and not shipped after 5
 * days, arrived and not collected after 3.
 */

/** A status the order reached, how many days ago, and which demo staff member moved it. */
export type DemoStep = [status: OrderStatus, daysAgo: number, staff: 0 | 1 | 2];

export interface DemoOrder {
  /** Index into DEMO_VILLAGERS. */
  villager: number;
  platform: 'taobao' | 'jd' | 'pinduoduo' | 'douyin';
  orderNo: string;
  lines: [name: string, qty: number, unitPriceFen: number][];
  deliveryFeeFen: number;
  serviceFeeFen: number;
  /** Paid in full at the counter, or this much as a deposit. */
  deposit: 'full' | number;
  steps: DemoStep[];
  /** The parcel it came in, once it arrived: waiting, collected or returned with its order. */
  parcel?: { trackingNo: string; carrier: string };
}

export interface DemoParcel {
  trackingNo: string;
  carrier: string;
  villager: number | null;
  arrivedDaysAgo: number;
  staff: 0 | 1 | 2;
  end?: { status: 'collected' | 'returned'; daysAgo: number; staff: 0 | 1 | 2; method?: 'code' | 'phone_admin' };
}

export const DEMO_ORDERS: readonly DemoOrder[] = [
  { villager: 1, platform: 'taobao', orderNo: '', lines: [['学生书包 护脊款', 1, 8900]], deliveryFeeFen: 0, serviceFeeFen: 200, deposit: 0, steps: [['draft', 0.2, 1]] },
  { villager: 17, platform: 'pinduoduo', orderNo: '', lines: [['儿童运动鞋 32码', 2, 5990]], deliveryFeeFen: 0, serviceFeeFen: 200, deposit: 0, steps: [['draft', 1.1, 2]] },
  { villager: 2, platform: 'pinduoduo', orderNo: '240611-538820917460312', lines: [['农用电动喷雾器 16L', 1, 12900], ['喷头配件套装', 1, 1500]], deliveryFeeFen: 0, serviceFeeFen: 300, deposit: 'full', steps: [['placed', 1.5, 1]] },
  { villager: 5, platform: 'taobao', orderNo: '3891274650218836021', lines: [['维吾尔族花帽 手工刺绣', 2, 4500]], deliveryFeeFen: 800, serviceFeeFen: 300, deposit: 5000, steps: [['placed', 7.2, 2]] },
  { villager: 3, platform: 'jd', orderNo: '289455120736', lines: [['美的电饭煲 4L', 1, 26900]], deliveryFeeFen: 0, serviceFeeFen: 500, deposit: 'full', steps: [['placed', 3.1, 1], ['paid', 3.0, 1]] },
  { villager: 8, platform: 'pinduoduo', orderNo: '240605-117320948851174', lines: [['滴灌带 16mm 500米', 3, 9500], ['旁通阀 50个', 1, 2800]], deliveryFeeFen: 1500, serviceFeeFen: 500, deposit: 'full', steps: [['placed', 8.4, 0], ['paid', 8.3, 0]] },
  { villager: 10, platform: 'taobao', orderNo: '3887120943357206418', lines: [['儿童羽绒服 130码', 2, 15900]], deliveryFeeFen: 0, serviceFeeFen: 300, deposit: 'full', steps: [['placed', 4.2, 1], ['paid', 4.1, 1], ['shipped', 2.5, 2]] },
  { villager: 16, platform: 'douyin', orderNo: '6921883045127736', lines: [['新疆长绒棉四件套 1.8米', 1, 16800]], deliveryFeeFen: 0, serviceFeeFen: 300, deposit: 'full', steps: [['placed', 5.0, 2], ['paid', 5.0, 2], ['shipped', 3.2, 2]] },
  { villager: 20, platform: 'jd', orderNo: '289301877462', lines: [['格力落地扇', 1, 19900]], deliveryFeeFen: 0, serviceFeeFen: 300, deposit: 10000, steps: [['placed', 2.2, 0], ['paid', 2.1, 0], ['shipped', 1.0, 1]] },
  {
    villager: 13, platform: 'pinduoduo', orderNo: '240609-660218735509281', lines: [['不锈钢保温桶 10L', 1, 7500]], deliveryFeeFen: 0, serviceFeeFen: 200, deposit: 'full',
    steps: [['placed', 6.1, 1], ['paid', 6.0, 1], ['shipped', 4.3, 1], ['arrived', 0.8, 2]],
    parcel: { trackingNo: 'YT7518842093361', carrier: '圆通速递' },
  },
  {
    villager: 19, platform: 'taobao', orderNo: '3879904112650783342', lines: [['老人智能手机 4G 大字大声', 1, 39900]], deliveryFeeFen: 0, serviceFeeFen: 500, deposit: 20000,
    steps: [['placed', 10.2, 0], ['paid', 10.1, 0], ['shipped', 8.0, 1], ['arrived', 4.6, 1]],
    parcel: { trackingNo: 'SF1402873365019', carrier: '顺丰速运' },
  },
  {
    villager: 15, platform: 'jd', orderNo: '288976120554', lines: [['飞鹤奶粉 3段 900g', 2, 25800]], deliveryFeeFen: 0, serviceFeeFen: 500, deposit: 'full',
    steps: [['placed', 5.3, 2], ['paid', 5.3, 2], ['shipped', 3.4, 2], ['arrived', 1.7, 1]],
    parcel: { trackingNo: 'JDVA20418873265', carrier: '京东物流' },
  },
  {
    villager: 0, platform: 'pinduoduo', orderNo: '240601-203877461190552', lines: [['老北京加绒棉鞋 39码', 1, 4900], ['护膝 一对', 1, 2900]], deliveryFeeFen: 0, serviceFeeFen: 200, deposit: 'full',
    steps: [['placed', 13.1, 1], ['paid', 13.0, 1], ['shipped', 11.2, 1], ['arrived', 9.5, 2], ['collected', 8.4, 2]],
    parcel: { trackingNo: '73100455218836', carrier: '中通快递' },
  },
  {
    villager: 11, platform: 'taobao', orderNo: '3874410298837615503', lines: [['电动三轮车电瓶 60V20Ah', 1, 68000]], deliveryFeeFen: 2000, serviceFeeFen: 800, deposit: 'full',
    steps: [['placed', 12.0, 0], ['paid', 11.9, 0], ['shipped', 10.1, 1], ['arrived', 7.3, 1], ['collected', 7.1, 1]],
    parcel: { trackingNo: 'YT7509921846637', carrier: '圆通速递' },
  },
  {
    villager: 7, platform: 'douyin', orderNo: '6918820475563109', lines: [['电动羊毛剪', 1, 45900], ['备用刀头', 2, 3500]], deliveryFeeFen: 0, serviceFeeFen: 500, deposit: 'full',
    steps: [['placed', 9.4, 2], ['paid', 9.4, 2], ['shipped', 7.5, 2], ['arrived', 5.2, 2], ['collected', 3.9, 2]],
    parcel: { trackingNo: 'JT3088125574490', carrier: '极兔速递' },
  },
  {
    villager: 14, platform: 'jd', orderNo: '289120365578', lines: [['太阳能庭院灯', 2, 5900]], deliveryFeeFen: 0, serviceFeeFen: 300, deposit: 'full',
    steps: [['placed', 6.3, 0], ['paid', 6.2, 0], ['shipped', 4.0, 1], ['arrived', 2.1, 1], ['collected', 1.9, 0]],
    parcel: { trackingNo: 'JDVA20399127586', carrier: '京东物流' },
  },
  { villager: 9, platform: 'pinduoduo', orderNo: '240603-880219374465120', lines: [['手机壳 钢化膜套装', 1, 1990]], deliveryFeeFen: 0, serviceFeeFen: 100, deposit: 'full', steps: [['placed', 11.0, 2], ['cancelled', 10.4, 2]] },
  { villager: 4, platform: 'taobao', orderNo: '', lines: [['广场舞音响', 1, 32900]], deliveryFeeFen: 0, serviceFeeFen: 500, deposit: 0, steps: [['draft', 4.4, 1], ['cancelled', 4.0, 1]] },
  { villager: 18, platform: 'jd', orderNo: '289277104836', lines: [['九阳豆浆机', 1, 29900]], deliveryFeeFen: 0, serviceFeeFen: 500, deposit: 'full', steps: [['placed', 3.6, 0], ['paid', 3.5, 0], ['cancelled', 2.8, 0]] },
  {
    villager: 6, platform: 'taobao', orderNo: '3868822105934427610', lines: [['艾德莱斯绸连衣裙 M码', 1, 23800]], deliveryFeeFen: 0, serviceFeeFen: 300, deposit: 'full',
    steps: [['placed', 13.5, 2], ['paid', 13.4, 2], ['shipped', 11.6, 2], ['arrived', 10.2, 1], ['returned', 6.8, 2]],
    parcel: { trackingNo: 'SF1401187730452', carrier: '顺丰速运' },
  },
  { villager: 12, platform: 'pinduoduo', orderNo: '240602-559017382264409', lines: [['无线耳机', 1, 8900]], deliveryFeeFen: 0, serviceFeeFen: 200, deposit: 'full', steps: [['placed', 12.6, 1], ['paid', 12.5, 1], ['shipped', 10.9, 1], ['returned', 9.0, 0]] },
  { villager: 21, platform: 'pinduoduo', orderNo: '240612-304471182953306', lines: [['老年收音机 插卡', 1, 3900]], deliveryFeeFen: 0, serviceFeeFen: 100, deposit: 'full', steps: [['placed', 0.9, 1]] },
  // Last winter's orders, closed over a year ago: older than the tablets keep by default, so they stay on the server.
  {
    villager: 0, platform: 'jd', orderNo: '281145098312', lines: [['美的电暖器 取暖器', 1, 29900]], deliveryFeeFen: 0, serviceFeeFen: 500, deposit: 'full',
    steps: [['placed', 420.3, 0], ['paid', 420.2, 0], ['shipped', 418.6, 1], ['arrived', 416.1, 1], ['collected', 415.8, 1]],
    parcel: { trackingNo: 'JDVA19877412630', carrier: '京东物流' },
  },
  {
    villager: 3, platform: 'pinduoduo', orderNo: '231129-774410238865013', lines: [['加厚棉门帘', 2, 3900]], deliveryFeeFen: 0, serviceFeeFen: 200, deposit: 'full',
    steps: [['placed', 398.5, 2], ['paid', 398.5, 2], ['shipped', 396.2, 2], ['arrived', 393.9, 1], ['collected', 392.4, 2]],
    parcel: { trackingNo: 'YT7390126648371', carrier: '圆通速递' },
  },
];

/** Parcels of villagers' own online orders (no assisted order behind them). */
export const DEMO_PARCELS: readonly DemoParcel[] = [
  { trackingNo: '73100488125506', carrier: '中通快递', villager: null, arrivedDaysAgo: 0.3, staff: 1 },
  { trackingNo: 'JT3088190273341', carrier: '极兔速递', villager: null, arrivedDaysAgo: 2.2, staff: 2 },
  { trackingNo: 'YT7520019384475', carrier: '圆通速递', villager: 17, arrivedDaysAgo: 1.4, staff: 1 },
  { trackingNo: '1180432956671', carrier: '邮政EMS', villager: 23, arrivedDaysAgo: 6.5, staff: 2 },
  { trackingNo: 'JT3087765120984', carrier: '极兔速递', villager: 2, arrivedDaysAgo: 4.1, staff: 1 },
  { trackingNo: 'SF1403329817746', carrier: '顺丰速运', villager: 3, arrivedDaysAgo: 5.5, staff: 0, end: { status: 'collected', daysAgo: 5.0, staff: 1 } },
  { trackingNo: '73100421907735', carrier: '中通快递', villager: 5, arrivedDaysAgo: 3.3, staff: 2, end: { status: 'collected', daysAgo: 2.9, staff: 0, method: 'phone_admin' } },
  { trackingNo: 'YT7516620487731', carrier: '圆通速递', villager: 24, arrivedDaysAgo: 1.3, staff: 2, end: { status: 'collected', daysAgo: 0.5, staff: 2 } },
  { trackingNo: 'JT3085521039866', carrier: '极兔速递', villager: null, arrivedDaysAgo: 13.0, staff: 1, end: { status: 'returned', daysAgo: 6.0, staff: 0 } },
];
