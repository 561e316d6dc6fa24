/** The demo data behind the sandbox's business APIs: the same few orders for a seller every time. */

const FIRST_NAMES = ['Aisha', 'Ben', 'Chen', 'Dewi', 'Emil'];
const ITEMS = ['Rice cooker', 'Phone case', 'Yoga mat', 'Desk lamp', 'Backpack'];

/** "sg.seller@sandbox.test" -> "Sg Seller Shop". */
export function demoShopName(account: string): string {
  const local = account.split('@')[0] ?? account;
  const words = local.split(/[._-]+/).filter((word) => word !== '');
  return `${words.map((word) => word[0]?.toUpperCase() + word.slice(1)).join(' ')} Shop`;
}

export interface DemoOrder {
  order_id: number;
  order_number: number;
  created_at: string;
  price: string;
  items_count: number;
  statuses: string[];
  customer_first_name: string;
  item: string;
}

/** Three orders, numbered from the seller id, dated in the hours before `now`. */
export function demoOrders(sellerId: string, now: number): DemoOrder[] {
  const base = Number(sellerId.replace(/\D/g, '').slice(-6) || '1') * 1000;
  return [0, 1, 2].map((index) => ({
    order_id: base + index + 1,
    order_number: 300000000 + base + index + 1,
    created_at: new Date(now - (index + 1) * 3_600_000).toISOString(),
    price: (19.9 + index * 10).toFixed(2),
    items_count: index + 1,
    statuses: [index === 0 ? 'pending' : 'ready_to_ship'],
    customer_first_name: FIRST_NAMES[(base + index) % FIRST_NAMES.length] ?? 'Ada',
    item: ITEMS[(base + index) % ITEMS.length] ?? 'Item',
  }));
}
