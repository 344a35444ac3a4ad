import { defineRule } from '../define-rule.js';

const round = (n: number, digits: number) => Number(n.toFixed(digits));

export default defineRule({
  id: 'implausible-weight',
  severity: 'warning',
  kind: 'data',
  summary: 'The weight is too heavy for the package (denser than 5 kg per litre)',
  why: 'Usually grams typed into a kilogram column: such a SKU is classified regular when it is light-small.',
  check: (sku, { settings }) => {
    const { weightKg, lengthCm, widthCm, heightCm } = sku;
    if (weightKg === null || lengthCm === null || widthCm === null || heightCm === null) return undefined;
    if (!(weightKg > 0 && lengthCm > 0 && widthCm > 0 && heightCm > 0)) return undefined;
    const litres = (lengthCm * widthCm * heightCm) / 1000;
    const density = weightKg / litres;
    if (density <= settings.config.checks.maxDensityKgPerLitre) return undefined;
    return {
      field: 'weight',
      args: { weightKg, litres: round(litres, 3), density: Number(density.toPrecision(4)) },
    };
  },
  message: ({ weightKg, litres, density }) =>
    `${weightKg} kg in a ${litres} L package is ${density} kg per litre: grams typed into a kg column?`,
});
