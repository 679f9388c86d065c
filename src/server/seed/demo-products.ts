import type { Category } from '../../shared/domain/categories';
import type { LocalizedName } from '../../shared/domain/entities';

export interface DemoProduct {
  sku: string;
  /** 12 digits; the EAN-13 check digit is added when seeding. */
  barcode12: string;
  names: Required<LocalizedName>;
  unit: string;
  priceFen: number;
  lowStockThreshold: number;
  /** In the product's unit: a weight for what is sold by weight. */
  initialStock: number;
  category: Category;
  /** A quick key on the sell screen. */
  pinned?: boolean;
  /** Sold by weight (loose rice by the 公斤, eggs by the 斤); absent: by the piece. */
  weighed?: boolean;
}

/** What a village shop in the county typically keeps on its shelves. */
export const DEMO_PRODUCTS: readonly DemoProduct[] = [
  { sku: 'RICE-5KG', barcode12: '692000100101', names: { 'zh-CN': '东北大米 5kg', en: 'Rice 5 kg', ug: 'گۈرۈچ 5 كىلو' }, unit: '袋', priceFen: 3990, lowStockThreshold: 5, initialStock: 40, category: 'grainOil' },
  { sku: 'RICE-10KG', barcode12: '692000100102', names: { 'zh-CN': '长粒香大米 10kg', en: 'Long-grain rice 10 kg', ug: 'ئۇزۇن گۈرۈچ 10 كىلو' }, unit: '袋', priceFen: 7500, lowStockThreshold: 3, initialStock: 20, category: 'grainOil' },
  { sku: 'FLOUR-5KG', barcode12: '692000100201', names: { 'zh-CN': '富强面粉 5kg', en: 'Wheat flour 5 kg', ug: 'ئۇن 5 كىلو' }, unit: '袋', priceFen: 2850, lowStockThreshold: 5, initialStock: 30, category: 'grainOil' },
  { sku: 'NOODLE-DRY', barcode12: '692000100202', names: { 'zh-CN': '挂面 1kg', en: 'Dried noodles 1 kg', ug: 'قۇرۇق لەغمەن 1 كىلو' }, unit: '包', priceFen: 850, lowStockThreshold: 10, initialStock: 60, category: 'grainOil' },
  { sku: 'NOODLE-INST', barcode12: '692000100203', names: { 'zh-CN': '红烧牛肉方便面', en: 'Instant noodles, beef', ug: 'تەييار لەغمەن (كالا گۆشى)' }, unit: '包', priceFen: 350, lowStockThreshold: 24, initialStock: 120, category: 'snacks', pinned: true },
  { sku: 'OIL-5L', barcode12: '692000100301', names: { 'zh-CN': '菜籽油 5L', en: 'Rapeseed cooking oil 5 L', ug: 'ئۆسۈملۈك يېغى 5 لىتىر' }, unit: '桶', priceFen: 6980, lowStockThreshold: 3, initialStock: 15, category: 'grainOil' },
  { sku: 'OIL-1L8', barcode12: '692000100302', names: { 'zh-CN': '花生油 1.8L', en: 'Peanut oil 1.8 L', ug: 'يەر ياڭىقى يېغى 1.8 لىتىر' }, unit: '瓶', priceFen: 3680, lowStockThreshold: 4, initialStock: 18, category: 'grainOil' },
  { sku: 'SOY-500', barcode12: '692000100401', names: { 'zh-CN': '生抽酱油 500ml', en: 'Light soy sauce 500 ml', ug: 'چاڭيۇ 500 مىللىلىتىر' }, unit: '瓶', priceFen: 990, lowStockThreshold: 6, initialStock: 36, category: 'grainOil' },
  { sku: 'VINEGAR-500', barcode12: '692000100402', names: { 'zh-CN': '陈醋 500ml', en: 'Aged vinegar 500 ml', ug: 'سىركە 500 مىللىلىتىر' }, unit: '瓶', priceFen: 750, lowStockThreshold: 6, initialStock: 30, category: 'grainOil' },
  { sku: 'SALT-400', barcode12: '692000100403', names: { 'zh-CN': '加碘食盐 400g', en: 'Iodised salt 400 g', ug: 'يودلۇق تۇز 400 گىرام' }, unit: '包', priceFen: 250, lowStockThreshold: 10, initialStock: 80, category: 'grainOil', pinned: true },
  { sku: 'SUGAR-500', barcode12: '692000100404', names: { 'zh-CN': '白砂糖 500g', en: 'White sugar 500 g', ug: 'ئاق شېكەر 500 گىرام' }, unit: '包', priceFen: 680, lowStockThreshold: 8, initialStock: 40, category: 'grainOil' },
  { sku: 'EGG-30', barcode12: '692000100501', names: { 'zh-CN': '土鸡蛋 30枚', en: 'Free-range eggs, 30', ug: 'يەرلىك تۇخۇم 30 دانە' }, unit: '盒', priceFen: 3200, lowStockThreshold: 4, initialStock: 12, category: 'produce' },
  { sku: 'MILK-250', barcode12: '692000100502', names: { 'zh-CN': '纯牛奶 250ml', en: 'Whole milk 250 ml', ug: 'سۈت 250 مىللىلىتىر' }, unit: '盒', priceFen: 300, lowStockThreshold: 24, initialStock: 96, category: 'drinks', pinned: true },
  { sku: 'WATER-550', barcode12: '692000100503', names: { 'zh-CN': '矿泉水 550ml', en: 'Mineral water 550 ml', ug: 'مىنېرال سۇ 550 مىللىلىتىر' }, unit: '瓶', priceFen: 200, lowStockThreshold: 24, initialStock: 144, category: 'drinks', pinned: true },
  { sku: 'TEA-BRICK', barcode12: '692000100504', names: { 'zh-CN': '茯砖茶 1kg', en: 'Brick tea 1 kg', ug: 'خىش چاي 1 كىلو' }, unit: '块', priceFen: 4500, lowStockThreshold: 3, initialStock: 15, category: 'drinks' },
  { sku: 'BISCUIT', barcode12: '692000100505', names: { 'zh-CN': '苏打饼干', en: 'Soda crackers', ug: 'سودا پېچىنىسى' }, unit: '包', priceFen: 590, lowStockThreshold: 10, initialStock: 40, category: 'snacks' },
  { sku: 'DATES-500', barcode12: '692000100506', names: { 'zh-CN': '若羌红枣 500g', en: 'Red dates 500 g', ug: 'چىلان 500 گىرام' }, unit: '袋', priceFen: 2500, lowStockThreshold: 5, initialStock: 25, category: 'produce' },
  { sku: 'RAISIN-500', barcode12: '692000100507', names: { 'zh-CN': '吐鲁番葡萄干 500g', en: 'Turpan raisins 500 g', ug: 'تۇرپان ئۈزۈم قېقى 500 گىرام' }, unit: '袋', priceFen: 2800, lowStockThreshold: 5, initialStock: 25, category: 'produce' },
  { sku: 'WALNUT-1KG', barcode12: '692000100508', names: { 'zh-CN': '薄皮核桃 1kg', en: 'Thin-shell walnuts 1 kg', ug: 'نېپىز پوستلۇق ياڭاق 1 كىلو' }, unit: '袋', priceFen: 3600, lowStockThreshold: 4, initialStock: 20, category: 'produce' },
  { sku: 'DETERGENT-1KG', barcode12: '692000100601', names: { 'zh-CN': '洗衣粉 1kg', en: 'Laundry detergent 1 kg', ug: 'كىر يۇيۇش پاراشوكى 1 كىلو' }, unit: '袋', priceFen: 1290, lowStockThreshold: 6, initialStock: 30, category: 'dailyGoods' },
  { sku: 'DISHSOAP', barcode12: '692000100602', names: { 'zh-CN': '洗洁精 1.1kg', en: 'Dish soap 1.1 kg', ug: 'قاچا يۇيۇش سۇيۇقلۇقى' }, unit: '瓶', priceFen: 990, lowStockThreshold: 5, initialStock: 24, category: 'dailyGoods' },
  { sku: 'SOAP', barcode12: '692000100603', names: { 'zh-CN': '香皂', en: 'Bar soap', ug: 'خۇشپۇراق سوپۇن' }, unit: '块', priceFen: 450, lowStockThreshold: 10, initialStock: 48, category: 'dailyGoods' },
  { sku: 'TOOTHPASTE', barcode12: '692000100604', names: { 'zh-CN': '牙膏 120g', en: 'Toothpaste 120 g', ug: 'چىش پاستىسى 120 گىرام' }, unit: '支', priceFen: 890, lowStockThreshold: 6, initialStock: 30, category: 'dailyGoods' },
  { sku: 'TISSUE-10', barcode12: '692000100605', names: { 'zh-CN': '卫生纸 10卷', en: 'Toilet paper, 10 rolls', ug: 'تازىلىق قەغىزى 10 تال' }, unit: '提', priceFen: 1990, lowStockThreshold: 5, initialStock: 24, category: 'dailyGoods' },
  { sku: 'UREA-40KG', barcode12: '692000100701', names: { 'zh-CN': '尿素化肥 40kg', en: 'Urea fertiliser 40 kg', ug: 'ئۇرېيا ئوغۇتى 40 كىلو' }, unit: '袋', priceFen: 11000, lowStockThreshold: 5, initialStock: 30, category: 'farmSupplies' },
  { sku: 'NPK-50KG', barcode12: '692000100702', names: { 'zh-CN': '复合肥 50kg', en: 'Compound fertiliser NPK 50 kg', ug: 'بىرىكمە ئوغۇت 50 كىلو' }, unit: '袋', priceFen: 16500, lowStockThreshold: 5, initialStock: 25, category: 'farmSupplies' },
  { sku: 'SEED-MAIZE', barcode12: '692000100703', names: { 'zh-CN': '玉米种子 2kg', en: 'Maize seed 2 kg', ug: 'كۆممىقوناق ئۇرۇقى 2 كىلو' }, unit: '袋', priceFen: 5800, lowStockThreshold: 5, initialStock: 20, category: 'farmSupplies' },
  { sku: 'SEED-WHEAT', barcode12: '692000100704', names: { 'zh-CN': '冬小麦种子 25kg', en: 'Winter wheat seed 25 kg', ug: 'كۈزلۈك بۇغداي ئۇرۇقى 25 كىلو' }, unit: '袋', priceFen: 12500, lowStockThreshold: 3, initialStock: 2, category: 'farmSupplies' },
  { sku: 'SEED-COTTON', barcode12: '692000100705', names: { 'zh-CN': '棉花种子 5kg', en: 'Cotton seed 5 kg', ug: 'پاختا ئۇرۇقى 5 كىلو' }, unit: '袋', priceFen: 9000, lowStockThreshold: 3, initialStock: 12, category: 'farmSupplies' },
  { sku: 'MULCH-FILM', barcode12: '692000100706', names: { 'zh-CN': '农用地膜', en: 'Plastic mulch film', ug: 'يەر يوپۇقى پلاستىنكىسى' }, unit: '卷', priceFen: 8500, lowStockThreshold: 3, initialStock: 3, category: 'farmSupplies' },
  { sku: 'BATTERY-AA', barcode12: '692000100801', names: { 'zh-CN': '5号电池 4节', en: 'AA batteries, 4', ug: 'AA باتارېيە 4 دانە' }, unit: '板', priceFen: 1000, lowStockThreshold: 6, initialStock: 30, category: 'dailyGoods' },
  { sku: 'BULB-LED', barcode12: '692000100802', names: { 'zh-CN': 'LED灯泡 9W', en: 'LED bulb 9 W', ug: 'LED لامپۇچكا 9 ۋات' }, unit: '个', priceFen: 990, lowStockThreshold: 5, initialStock: 20, category: 'dailyGoods' },
  { sku: 'MATCHES', barcode12: '692000100803', names: { 'zh-CN': '火柴 10盒', en: 'Matches, 10 boxes', ug: 'سەرەڭگە 10 قاپ' }, unit: '包', priceFen: 300, lowStockThreshold: 10, initialStock: 40, category: 'dailyGoods' },
  { sku: 'CANDLE', barcode12: '692000100804', names: { 'zh-CN': '白蜡烛 10支', en: 'Candles, 10', ug: 'شام 10 تال' }, unit: '包', priceFen: 500, lowStockThreshold: 5, initialStock: 20, category: 'dailyGoods' },
  { sku: 'MOSQUITO-COIL', barcode12: '692000100805', names: { 'zh-CN': '蚊香 10盘', en: 'Mosquito coils, 10', ug: 'پاشا ئىسرىقى 10 دانە' }, unit: '盒', priceFen: 650, lowStockThreshold: 6, initialStock: 24, category: 'dailyGoods' },
  // Sold loose, by weight: typed on the scale's reading.
  { sku: 'RICE-LOOSE', barcode12: '692000100109', names: { 'zh-CN': '散装大米', en: 'Loose rice', ug: 'سېلىنما گۈرۈچ' }, unit: '公斤', priceFen: 460, lowStockThreshold: 20, initialStock: 150, category: 'grainOil', pinned: true, weighed: true },
  { sku: 'EGG-LOOSE', barcode12: '692000100509', names: { 'zh-CN': '散装鸡蛋', en: 'Loose eggs', ug: 'سېلىنما تۇخۇم' }, unit: '斤', priceFen: 650, lowStockThreshold: 10, initialStock: 60.5, category: 'produce', pinned: true, weighed: true },
];
