#!/usr/bin/env python3
"""Writes the text fixtures of test/dialects from canonical.csv: one file per export dialect (AliExpress,
Chinese ERP, Shopify, Amazon, Google Merchant) and one per encoding or delimiter. Every file holds the same
SKUs with the same values, in the layout, units and encoding its source really uses. The workbook is made
by make-xlsx.mjs. Run from anywhere: python3 test/dialects/make-fixtures.py
"""

from pathlib import Path

from fixture_common import HEADERS, ROWS, ZH_CATEGORY, ZH_CHANNEL, csv_text
from fixture_common import write as write_file

HERE = Path(__file__).resolve().parent

BY_SKU = {row['sku']: row for row in ROWS}

# Titles in other languages. The mug keeps an English "custom" where the language has no made-to-order
# keyword of the default list, so that its variety class stays the same.
TITLES = {
    'zh': {
        'CBL-C2C-1M': 'USB-C转USB-C数据线 1米 60W快充',
        'CBL-C2C-2M': 'USB-C转USB-C数据线 2米 60W快充',
        'PB-10K-WH': '超薄充电宝 10000毫安 20W快充',
        'DRL-18V-BARE': '18V锂电充电手电钻 裸机',
        'DRS-FLR-S': '碎花裹身连衣裙 夏季 S码',
        'DRS-FLR-M': '碎花裹身连衣裙 夏季 M码',
        'PZL-500-CITY': '拼图500片 城市夜景',
        'PZL-500-FOREST': '拼图500片 森林',
        'PZL-1000-CITY': '拼图1000片 城市夜景',
        'PZL-1000-FOREST': '拼图1000片 森林',
        'PZL-1000-OCEAN': '拼图1000片 海洋',
        'PZL-2000-MAP': '拼图2000片 世界地图',
        'BIT-HSS-19': '高速钢麻花钻头套装 19件',
        'MUG-NAME-11OZ': '定制姓名马克杯 11oz 个性礼物',
        'KNF-SET-5': '不锈钢厨房刀具套装 5件带刀座',
    },
    'ja': {
        'CBL-C2C-1M': 'USB-C to USB-C ケーブル 1m 60W 急速充電',
        'CBL-C2C-2M': 'USB-C to USB-C ケーブル 2m 60W 急速充電',
        'PB-10K-WH': 'モバイルバッテリー 10000mAh 薄型 20W',
        'DRL-18V-BARE': '充電式ドリルドライバー 18V 本体のみ',
        'DRS-FLR-S': '花柄 ラップワンピース 夏 Sサイズ',
        'DRS-FLR-M': '花柄 ラップワンピース 夏 Mサイズ',
        'PZL-500-CITY': 'ジグソーパズル 500ピース 夜の街',
        'PZL-500-FOREST': 'ジグソーパズル 500ピース 森',
        'PZL-1000-CITY': 'ジグソーパズル 1000ピース 夜の街',
        'PZL-1000-FOREST': 'ジグソーパズル 1000ピース 森',
        'PZL-1000-OCEAN': 'ジグソーパズル 1000ピース 海',
        'PZL-2000-MAP': 'ジグソーパズル 2000ピース 世界地図',
        'BIT-HSS-19': 'HSS ドリルビット セット 19本組',
        'MUG-NAME-11OZ': '名入れ マグカップ 11oz Custom Name Mug',
        'KNF-SET-5': '包丁セット 5本 スタンド付き',
    },
    # French and German, all within Windows-1252 (en dash, guillemets, umlauts, ß).
    'fr': {
        'CBL-C2C-1M': 'Câble USB-C vers USB-C, 1 m, 60 W',
        'CBL-C2C-2M': 'Câble USB-C vers USB-C, 2 m, 60 W',
        'PB-10K-WH': 'Powerbank 10000 mAh, extra flach – 20 W',
        'DRL-18V-BARE': 'Akku-Bohrschrauber 18 V – Solo, ohne Akku',
        'DRS-FLR-S': "Robe portefeuille d'été à fleurs – Größe S",
        'DRS-FLR-M': "Robe portefeuille d'été à fleurs – Größe M",
        'PZL-500-CITY': 'Puzzle 500 pièces « Ville la nuit »',
        'PZL-500-FOREST': 'Puzzle 500 pièces « Forêt »',
        'PZL-1000-CITY': 'Puzzle 1000 pièces « Ville la nuit »',
        'PZL-1000-FOREST': 'Puzzle 1000 pièces « Forêt »',
        'PZL-1000-OCEAN': 'Puzzle 1000 pièces « Océan »',
        'PZL-2000-MAP': 'Puzzle 2000 pièces « Carte du monde »',
        'BIT-HSS-19': 'Coffret de 19 forets HSS',
        'MUG-NAME-11OZ': 'Tasse personnalisée avec prénom – Custom Name Mug, 11 oz',
        'KNF-SET-5': 'Messerblock mit 5 Küchenmessern, Edelstahl',
    },
}
# A mix for the Unicode files: CJK, accents, and one character outside the BMP (a surrogate pair in UTF-16).
TITLES['mixed'] = {
    sku: TITLES[('zh', 'ja', 'fr')[i % 3]][sku] for i, sku in enumerate(BY_SKU)
}
TITLES['mixed']['PZL-2000-MAP'] += ' 🧩'

ZH_LOGISTICS = {'general': '普货', 'battery': '内电'}

# Listing times of day: exports write date-times; the audit counts calendar days.
TIME_OF_DAY = ['10:23:45', '10:23:45', '08:02:11', '16:40:00', '21:15:09', '21:15:09', '09:00:00',
               '09:00:00', '09:00:00', '09:00:00', '09:00:00', '09:00:00', '13:37:02', '23:59:59',
               '00:00:01']

# Amazon and Google: the product a variation belongs to, by its parent SKU / item group.
PARENT = {'1005006184520371': 'CBL-C2C', '1005007310245586': 'DRS-FLR', '1005006512773041': 'PZL-JIGSAW'}

LB = 0.45359237
IN = 2.54


def write(name, text, encoding='utf-8', bom=False):
    write_file(HERE / name, text, encoding, bom)


def num(value, places):
    """A converted measurement as an export writes it: rounded, without trailing zeros."""
    text = f'{value:.{places}f}'
    return text.rstrip('0').rstrip('.') if '.' in text else text


def canonical_rows(titles=None, decimal_comma=False):
    rows = []
    for row in ROWS:
        cells = dict(row)
        if titles:
            cells['title'] = TITLES[titles][row['sku']]
        if decimal_comma:
            # Weights to 3 decimals, as a spreadsheet formatted 0,000 writes them: "3,200" is 3.2 kg here,
            # not 3200 — the file's decimal comma decides it.
            cells['weight_kg'] = f"{float(cells['weight_kg']):.3f}".replace('.', ',')
            for h in ('length_cm', 'width_cm', 'height_cm', 'price'):
                cells[h] = cells[h].replace('.', ',')
        rows.append([cells[h] for h in HEADERS])
    return rows


# --- Encodings and delimiters: canonical.csv's content, byte by byte in another form. -------------------

write('utf8-bom.csv', csv_text(HEADERS, canonical_rows('mixed')), 'utf-8', bom=True)
write('utf16le-bom.csv', csv_text(HEADERS, canonical_rows('mixed'), line_end='\r\n'), 'utf-16-le', bom=True)
write('utf16be-bom.csv', csv_text(HEADERS, canonical_rows('mixed'), line_end='\r\n'), 'utf-16-be', bom=True)
write('shift-jis.csv', csv_text(HEADERS, canonical_rows('ja'), line_end='\r\n'), 'shift_jis')
write('windows-1252.csv', csv_text(HEADERS, canonical_rows('fr'), line_end='\r\n'), 'cp1252')
write('semicolon-decimal-comma.csv', csv_text(HEADERS, canonical_rows('fr', decimal_comma=True), ';'))
write('tab.tsv', csv_text(HEADERS, canonical_rows(), '\t'))
write('pipe.csv', csv_text(HEADERS, canonical_rows(), '|'))

# Windows line ends, and one title that Excel wrapped onto two lines (a line break inside quotes).
crlf_rows = canonical_rows()
crlf_rows[13][2] = 'Custom Name Mug 11 oz\nPersonalized Gift'
write('crlf.csv', csv_text(HEADERS, crlf_rows, line_end='\r\n'))

# --- AliExpress open platform: no brand, MPN, channel or logistics attribute in the product fields. -----

ae_header = ['product_id', 'sku_code', 'subject', 'category_id', 'ean_code', 'gross_weight', 'package_length',
             'package_width', 'package_height', 'delivery_time', 'gmt_create', 'sku_price', 'currency_code',
             'ipm_sku_stock', 'product_status_type', 'freight_template_id']
ae_rows = [[r['product_id'], r['sku'], r['title'], r['category'], r['gtin'], r['weight_kg'], r['length_cm'],
            r['width_cm'], r['height_cm'], r['handling_days'], f"{r['listed_at']} {TIME_OF_DAY[i]}", r['price'],
            r['currency'], r['stock'], 'onSelling', '1000']
           for i, r in enumerate(ROWS)]
write('aliexpress.csv', csv_text(ae_header, ae_rows))

# --- Chinese ERP (店小秘/马帮 style labels), GBK: Chinese titles, categories, channels, logistics. --------

erp_header = ['商品ID', '商品编码', '标题', '类目', '品牌', '条形码', '型号', '重量(kg)', '长(cm)', '宽(cm)',
              '高(cm)', '备货期', '上架时间', '经营模式', '价格', '币种', '库存', '物流属性']
erp_rows = [[r['product_id'], r['sku'], TITLES['zh'][r['sku']], ZH_CATEGORY[r['category']], r['brand'],
             r['gtin'], r['mpn'], r['weight_kg'], r['length_cm'], r['width_cm'], r['height_cm'],
             r['handling_days'], f"{r['listed_at'].replace('-', '/')} {TIME_OF_DAY[i][:5]}",
             ZH_CHANNEL[r['channel']], r['price'], r['currency'], r['stock'], ZH_LOGISTICS[r['logistics_attribute']]]
            for i, r in enumerate(ROWS)]
write('erp-gbk.csv', csv_text(erp_header, erp_rows, line_end='\r\n'), 'gbk')

# --- Shopify product CSV: one product per Handle, its title/vendor/category on its first row only, weight
# in grams whatever the display unit; no package sides, handling time, listing date, channel or MPN. --------

SHOPIFY = {
    '1005006184520371': ('usb-c-to-usb-c-cable-60w', 'USB-C to USB-C Cable, 60 W', 'Cables', 'Length'),
    '1005006201338417': ('slim-power-bank-10000mah', '10000 mAh Slim Power Bank 20 W', 'Power Banks', 'Title'),
    '1005005873310264': ('cordless-drill-driver-18v', 'Cordless Drill Driver 18 V, Bare Tool', 'Drills', 'Title'),
    '1005007310245586': ('floral-wrap-summer-dress', 'Floral Wrap Summer Dress', 'Dresses', 'Size'),
    '1005006512773041': ('jigsaw-puzzle-collection', 'Jigsaw Puzzle Collection', 'Puzzles', 'Design'),
    '1005006950127745': ('hss-drill-bit-set-19', 'HSS Twist Drill Bit Set, 19 pcs', 'Drill Bits', 'Title'),
    '1005007422018830': ('custom-name-mug-11oz', 'Custom Name Mug 11 oz, Personalized Gift', 'Mugs', 'Title'),
    '1005006705514482': ('kitchen-knife-set-5', 'Kitchen Knife Set, 5 pcs with Block', 'Knife Sets', 'Title'),
}
OPTION = {
    'CBL-C2C-1M': '1 m', 'CBL-C2C-2M': '2 m', 'DRS-FLR-S': 'S', 'DRS-FLR-M': 'M',
    'PZL-500-CITY': '500 pcs / City at Night', 'PZL-500-FOREST': '500 pcs / Forest',
    'PZL-1000-CITY': '1000 pcs / City at Night', 'PZL-1000-FOREST': '1000 pcs / Forest',
    'PZL-1000-OCEAN': '1000 pcs / Ocean', 'PZL-2000-MAP': '2000 pcs / World Map',
}
# Variant rows whose Handle the export (or the seller's spreadsheet) left empty: they continue the product above.
EMPTY_HANDLE = {'DRS-FLR-M', 'PZL-1000-FOREST', 'PZL-1000-OCEAN', 'PZL-2000-MAP'}

shopify_header = ['Handle', 'Title', 'Body (HTML)', 'Vendor', 'Product Category', 'Type', 'Tags', 'Published',
                  'Option1 Name', 'Option1 Value', 'Variant SKU', 'Variant Grams', 'Variant Inventory Tracker',
                  'Variant Inventory Qty', 'Variant Inventory Policy', 'Variant Fulfillment Service',
                  'Variant Price', 'Variant Compare At Price', 'Variant Requires Shipping', 'Variant Taxable',
                  'Variant Barcode', 'Image Src', 'Image Position', 'Variant Weight Unit', 'Status']
shopify_rows = []
seen = set()
for r in ROWS:
    handle, title, kind, option = SHOPIFY[r['product_id']]
    first = r['product_id'] not in seen
    seen.add(r['product_id'])
    grams = round(float(r['weight_kg']) * 1000)
    vendor = 'Nordhaven Goods' if r['brand'] == 'NONE' else r['brand']
    product = [title, f'<p>{title}</p>', vendor, r['category'], kind, kind.lower(), 'TRUE'] if first else [''] * 7
    shopify_rows.append(
        ['' if r['sku'] in EMPTY_HANDLE else handle, *product, option if first else '',
         OPTION.get(r['sku'], 'Default Title'), r['sku'], str(grams), 'shopify', r['stock'], 'deny', 'manual',
         r['price'], '', 'TRUE', 'TRUE', r['gtin'], f'https://cdn.shopify.com/s/files/1/0001/files/{handle}.jpg'
         if first else '', '1' if first else '', 'g' if grams < 1000 else 'kg', 'active' if first else ''])
write('shopify.csv', csv_text(shopify_header, shopify_rows))

# --- Amazon flat file (tab-delimited): units in their own columns, a mix of KG/GR/LB and CM/IN. ------------
# No listing date, channel or logistics attribute (battery fields are of another kind).

AMAZON_TYPE = {
    'Electronics > Electronics Accessories > Cables': 'usb-cables',
    'Electronics > Electronics Accessories > Power > Power Banks': 'portable-power-banks',
    'Hardware > Tools > Drills': 'power-drills',
    'Apparel & Accessories > Clothing > Dresses': 'dresses',
    'Toys & Games > Puzzles > Jigsaw Puzzles': 'jigsaw-puzzles',
    'Hardware > Tool Accessories > Drill Bits': 'drill-bit-sets',
    'Home & Garden > Kitchen & Dining > Tableware > Drinkware > Mugs': 'coffee-mugs',
    'Home & Garden > Kitchen & Dining > Kitchen Tools & Utensils > Kitchen Knives': 'kitchen-knife-sets',
}
AMAZON_WEIGHT_UNIT = {'CBL-C2C-1M': 'GR', 'CBL-C2C-2M': 'GR', 'DRL-18V-BARE': 'LB', 'PZL-500-CITY': 'LB',
                      'PZL-500-FOREST': 'LB', 'PZL-2000-MAP': 'LB', 'BIT-HSS-19': 'GR', 'MUG-NAME-11OZ': 'LB',
                      'KNF-SET-5': 'LB'}
AMAZON_INCHES = {'PB-10K-WH', 'DRL-18V-BARE', 'MUG-NAME-11OZ', 'KNF-SET-5'}


def amazon_weight(r):
    unit = AMAZON_WEIGHT_UNIT.get(r['sku'], 'KG')
    kg = float(r['weight_kg'])
    value = {'KG': r['weight_kg'], 'GR': num(kg * 1000, 0), 'LB': num(kg / LB, 2)}[unit]
    return [value, unit]


def amazon_sides(r):
    inches = r['sku'] in AMAZON_INCHES
    sides = [r[h] if not inches or r[h] == '' else num(float(r[h]) / IN, 2)
             for h in ('length_cm', 'width_cm', 'height_cm')]
    return [*sides, 'IN' if inches else 'CM']


amazon_header = ['item_sku', 'parent_sku', 'parent_child', 'relationship_type', 'variation_theme', 'item_name',
                 'brand_name', 'external_product_id', 'external_product_id_type', 'part_number',
                 'item_type_keyword', 'standard_price', 'currency', 'quantity', 'website_shipping_weight',
                 'website_shipping_weight_unit_of_measure', 'item_package_length', 'item_package_width',
                 'item_package_height', 'item_package_dimensions_unit_of_measure', 'fulfillment_latency',
                 'condition_type']
amazon_rows = []
for r in ROWS:
    parent = PARENT.get(r['product_id'], '')
    amazon_rows.append(
        [r['sku'], parent, 'child' if parent else '', 'Variation' if parent else '',
         ('SizeName' if parent == 'DRS-FLR' else 'StyleName') if parent else '', r['title'],
         'Generic' if r['brand'] == 'NONE' else r['brand'], r['gtin'], 'EAN' if r['gtin'] else '', r['mpn'],
         AMAZON_TYPE[r['category']], r['price'], r['currency'], r['stock'], *amazon_weight(r), *amazon_sides(r),
         r['handling_days'], 'New'])
write('amazon.txt', csv_text(amazon_header, amazon_rows, '\t'))

# --- Google Merchant Center feed (TSV): units inside the cells, price with its currency. -------------------
# No listing date, channel, logistics attribute or stock count.

GOOGLE_WEIGHT = {'CBL-C2C-1M': 'g', 'CBL-C2C-2M': 'g', 'DRS-FLR-S': 'g', 'DRS-FLR-M': 'g', 'BIT-HSS-19': 'g',
                 'MUG-NAME-11OZ': 'lb'}
GOOGLE_INCHES = {'DRL-18V-BARE', 'KNF-SET-5'}


def google_weight(r):
    unit = GOOGLE_WEIGHT.get(r['sku'], 'kg')
    kg = float(r['weight_kg'])
    return {'kg': f"{r['weight_kg']} kg", 'g': f'{num(kg * 1000, 0)} g', 'lb': f'{num(kg / LB, 2)} lb'}[unit]


def google_side(r, h):
    if r[h] == '':
        return ''
    return f'{num(float(r[h]) / IN, 2)} in' if r['sku'] in GOOGLE_INCHES else f'{r[h]} cm'


google_header = ['id', 'item_group_id', 'title', 'description', 'link', 'image_link', 'availability', 'price',
                 'brand', 'gtin', 'mpn', 'identifier_exists', 'condition', 'google_product_category',
                 'product_type', 'shipping_weight', 'shipping_length', 'shipping_width', 'shipping_height',
                 'max_handling_time']
google_rows = []
for r in ROWS:
    handle = SHOPIFY[r['product_id']][0]
    branded = r['brand'] != 'NONE'
    google_rows.append(
        [r['sku'], PARENT.get(r['product_id'], ''), r['title'], r['title'],
         f"https://shop.example.com/products/{handle}?variant={r['sku']}",
         f"https://cdn.example.com/img/{r['sku'].lower()}.jpg", 'in_stock', f"{r['price']} {r['currency']}",
         r['brand'] if branded else '', r['gtin'], r['mpn'], 'yes' if r['gtin'] else 'no', 'new', r['category'],
         r['category'].split(' > ')[-1], google_weight(r), *(google_side(r, h) for h in
                                                             ('length_cm', 'width_cm', 'height_cm')),
         r['handling_days']])
write('google.tsv', csv_text(google_header, google_rows, '\t'))
