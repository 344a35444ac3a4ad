import type { NormalizedSku } from '../types.js';

interface Product {
  productId: string;
  title: string | null;
  category: string | null;
  brand: string | null;
}

/**
 * Shopify's product CSV writes a product's title, vendor and type on its first row only, and a row with
 * an empty Handle continues the product above. Enabled only for such files (`ColumnMap.continuationRows`);
 * elsewhere an empty product id means a product of its own.
 */
export class ContinuationRows {
  private last: Product | null = null;

  constructor(private readonly enabled: boolean) {}

  /** The product id a row belongs to (for the index pass). */
  productIdOf(productId: string | null): string | null {
    if (!this.enabled) return productId;
    if (productId === null) return this.last?.productId ?? null;
    if (this.last?.productId !== productId)
      this.last = { productId, title: null, category: null, brand: null };
    return productId;
  }

  /** Gives the SKU the product id and product-level cells it inherits from the row above. */
  apply(sku: NormalizedSku): NormalizedSku {
    if (!this.enabled) return sku;
    const last = this.last;
    if (sku.productId !== null && last?.productId !== sku.productId) {
      this.last = { productId: sku.productId, title: sku.title, category: sku.category, brand: sku.brand };
      return sku;
    }
    if (last === null) return sku;
    sku.productId = last.productId;
    sku.productKey = last.productId;
    sku.title ??= last.title;
    sku.category ??= last.category;
    sku.brand ??= last.brand;
    return sku;
  }
}
