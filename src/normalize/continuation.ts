import type { NormalizedSku } from '../core/types.js';

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

  constructor(
    private readonly enabled: boolean,
    /** WooCommerce's parent rows: a child (its product id is a SKU) takes the last parent's cells. */
    private readonly parents = false,
  ) {}

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
    if (this.parents) return this.fromParent(sku);
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

  /**
   * A parent row (no product id) is remembered; a child right after its parent (its product id is the
   * parent's SKU, as WooCommerce exports variations after their product) takes its empty cells from it.
   * Only the last parent is kept: memory stays flat, and a child far from its parent keeps its own cells.
   */
  private fromParent(sku: NormalizedSku): NormalizedSku {
    if (sku.productId === null) {
      this.last =
        sku.sku === null
          ? null
          : { productId: sku.sku, title: sku.title, category: sku.category, brand: sku.brand };
      return sku;
    }
    const last = this.last;
    if (last?.productId === sku.productId) {
      sku.title ??= last.title;
      sku.category ??= last.category;
      sku.brand ??= last.brand;
    }
    return sku;
  }
}
