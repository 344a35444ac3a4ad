/** Writes `rows` SKUs of a deterministic synthetic catalog to `path`. */
export function generateCatalog(path: string, rows: number, seed?: number): Promise<void>;
/** Writes `rows` orders for the SKUs of a generated catalog. */
export function generateOrders(path: string, catalogPath: string, rows: number, seed?: number): Promise<void>;
/** Saves a generated catalog as an .xlsx workbook, every cell as text. */
export function generateWorkbook(path: string, csvPath: string): Promise<void>;
/** mulberry32: a small deterministic generator of numbers in [0, 1). */
export function mulberry32(seed: number): () => number;
