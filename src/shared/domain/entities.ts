import type { Fen } from './money';
import type { Order, Platform } from './orders';
import type { Parcel, PickupCode } from './parcels';
import type { Customer } from './villagers';
import type { CentreSettings } from './centre-settings';
import type { CreditEntry, Refund, RefundTotals, Repayment, Till } from './counter';
import type { PaymentMeans, PaymentPart } from './payments';
import type { Attendance, QuizAnswer, TrainingSession } from '../training/sessions';
import type { LessonVariant, VariantPhoto } from '../training/lesson-variants';

/** Languages every product name and every screen exists in. */
export const LANGUAGES = ['zh-CN', 'en', 'ug'] as const;
export type Language = (typeof LANGUAGES)[number];
export type LocalizedName = { [L in Language]?: string | undefined };

/** A name in the wanted language, else the first one it has (in LANGUAGES order). */
export function nameIn(names: LocalizedName, lang: Language): string {
  const own = names[lang];
  if (own) return own;
  for (const other of LANGUAGES) {
    const name = names[other];
    if (name) return name;
  }
  return '';
}

export type Role = 'admin' | 'clerk' | 'trainer';

/** Fields every synced row carries. Times are ISO-8601 UTC strings. */
export interface RowBase {
  id: string;
  centreId: string;
  createdAt: string;
  updatedAt: string;
  createdBy: string;
}

export interface Centre {
  id: string;
  name: LocalizedName;
  createdAt: string;
  updatedAt: string;
}

export interface Staff extends RowBase {
  name: string;
  role: Role;
  active: boolean;
  /** When an admin deactivated them; their later sales still apply and are flagged for review. */
  deactivatedAt?: string | null;
  /**
   * The staff member's secret wrapped under their PIN (auth/staff-key.ts):
   * unwrapping it is the PIN check, and the secret signs their changes.
   * Absent only on rows made before keys existed.
   */
  keyId?: string;
  keySalt?: string;
  keyIterations?: number;
  wrappedKey?: string;
  /** Legacy rows only (before keys): PBKDF2-SHA256 of the PIN, checked on the tablet until a key is adopted. */
  pinSalt?: string;
  pinHash?: string;
  pinIterations?: number;
}

export type ProductKind = 'stock' | 'platform' | 'produce';

export interface Product extends RowBase {
  sku: string;
  barcode: string;
  names: LocalizedName;
  unit: string;
  priceFen: Fen;
  kind: ProductKind;
  lowStockThreshold: number;
  active: boolean;
  /** The unit's name in each language (absent on older rows: `unit` as typed). */
  unitNames?: LocalizedName;
  /** Sold by the piece (absent) or by weight, in quantities with up to three decimals. */
  soldBy?: 'piece' | 'weight';
  /** Where the sell screen files it (absent: uncategorised). */
  category?: string;
  /** Pinned by an admin as a quick key on the sell screen. */
  pinned?: boolean;
}

/**
 * Why stock moved. A sale's lines are its stock movements: they are not
 * stored twice (see domain/stock.ts).
 */
export type MovementReason = 'receive' | 'count' | 'damage' | 'spoil' | 'return';

export interface StockMovement extends RowBase {
  productId: string;
  delta: number;
  reason: MovementReason;
  note: string;
  deviceId: string;
}

export interface SaleLine {
  productId: string;
  /** Snapshots taken when sold: later price or name edits do not rewrite receipts. */
  names: LocalizedName;
  unit: string;
  /** The unit's name in each language when sold (absent on older sales: `unit`). */
  unitNames?: LocalizedName;
  unitPriceFen: Fen;
  qty: number;
  /** After the line's discount. */
  lineTotalFen: Fen;
  /** What the line's discount took off (absent: none). */
  discountFen?: Fen;
}

/** The sale's single means, or `mixed` when it was split (see `payments`). */
export type PaymentMethod = PaymentMeans | 'mixed';
export type SaleChannel = 'counter';

export interface Sale extends RowBase {
  /** Short number printed on the receipt: device-local, human friendly. */
  receiptNo: string;
  lines: SaleLine[];
  totalFen: Fen;
  /** Cash handed over for the cash part. */
  tenderedFen: Fen;
  changeFen: Fen;
  payment: PaymentMethod;
  channel: SaleChannel;
  deviceId: string;
  /** How it was paid (absent on cash sales made before mixed payments: all cash). */
  payments?: PaymentPart[];
  /** The villager it was sold to, required for a credit part. */
  customerId?: string;
  /** What the sale's own discount took off the lines' totals. */
  discountFen?: Fen;
  /** The admin who let its credit part take the villager past the centre's limit. */
  creditApprovedBy?: string;
}

export type ReviewKind = 'sale_by_inactive_staff';

/**
 * Something the server applied but wants an admin to look at, written by
 * the server in the same transaction as what it flags. Rows are updated
 * later (when an admin settles them), so the table is not insert-only.
 */
export interface Review extends RowBase {
  kind: ReviewKind;
  refTable: TableName;
  refId: string;
  /** Who made the flagged change, and on which tablet. */
  staffId: string;
  deviceId: string;
}

/** Tables that sync. The name is used on the wire and in both databases. */
export interface SyncedTables {
  staff: Staff;
  products: Product;
  movements: StockMovement;
  sales: Sale;
  reviews: Review;
  customers: Customer;
  platforms: Platform;
  orders: Order;
  parcels: Parcel;
  pickupCodes: PickupCode;
  settings: CentreSettings;
  creditEntries: CreditEntry;
  repayments: Repayment;
  refunds: Refund;
  refundTotals: RefundTotals;
  tills: Till;
  trainingSessions: TrainingSession;
  attendances: Attendance;
  quizAnswers: QuizAnswer;
  lessonVariants: LessonVariant;
  variantPhotos: VariantPhoto;
}
export type TableName = keyof SyncedTables;
export const TABLE_NAMES: readonly TableName[] = [
  'staff',
  'products',
  'movements',
  'sales',
  'reviews',
  'customers',
  'platforms',
  'orders',
  'parcels',
  'pickupCodes',
  'settings',
  'creditEntries',
  'repayments',
  'refunds',
  'refundTotals',
  'tills',
  'trainingSessions',
  'attendances',
  'quizAnswers',
  'lessonVariants',
  'variantPhotos',
];
/**
 * Tables whose rows are only ever inserted, never changed: stock movements,
 * sales, and the counter's credit entries, repayments and refunds. A row's
 * stock effect counts once, when it first appears.
 */
export const INSERT_ONLY_TABLES: readonly TableName[] = ['movements', 'sales', 'creditEntries', 'repayments', 'refunds'];
export type AnyRow = SyncedTables[TableName];
