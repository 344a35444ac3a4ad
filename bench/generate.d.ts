/** Writes `rows` SKUs of a deterministic synthetic catalog to `path`. */
export function generateCatalog(path: string, rows: number, seed?: number): Promise<void>;
