#!/usr/bin/env python3
"""Writes the text fixtures of test/layouts from test/dialects/canonical.csv: the same 15 SKUs exported the
way real platforms and ERPs write their product files — their full header rows, in their order and
spelling, with the columns the audit does not read, and each one's quirks (WooCommerce's parent rows and
empty variation categories, PrestaShop's `;` and `Name *`, Magento's product types, Shopify's current
template, AliExpress feed names, Chinese ERPs' bilingual and bracketed headers and one-cell sizes, title
and comment lines above the header). The header rows are those public code reads or writes for each
platform (the sources are named above each file). Run from anywhere: python3 test/layouts/make-layouts.py
"""

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / 'dialects'))
from fixture_common import ROWS, ZH_CATEGORY, ZH_CHANNEL, csv_text  # noqa: E402
from fixture_common import write as write_file  # noqa: E402


# The product a variation belongs to, by its parent SKU (WooCommerce's `Parent`).
PARENT = {'1005006184520371': 'CBL-C2C', '1005007310245586': 'DRS-FLR', '1005006512773041': 'PZL-JIGSAW'}
PARENT_NAME = {'CBL-C2C': 'USB-C to USB-C Cable, 60 W', 'DRS-FLR': 'Floral Wrap Summer Dress',
               'PZL-JIGSAW': 'Jigsaw Puzzle Collection'}


def write(name, text, encoding='utf-8', bom=False):
    write_file(HERE / name, text, encoding, bom)


def row_of(header, values):
    """A row in `header`'s order from a dict; columns it does not set are empty."""
    return [values.get(h, '') for h in header]


def comma(text):
    """A decimal in a store whose decimal separator is a comma (WooCommerce's localized prices)."""
    return text.replace('.', ',')


# --- WooCommerce (English): the column order of WooCommerce's own exporter (class-wc-product-csv-exporter.php,
# get_default_column_names), a UTF-8 BOM. A variable product's row (Type `variable`) comes before its
# variations (Type `variation`), which name it by SKU in `Parent` and leave `Categories` empty.

WOO_HEADER = ['ID', 'Type', 'SKU', 'GTIN, UPC, EAN, or ISBN', 'Name', 'Published', 'Is featured?',
              'Visibility in catalog', 'Short description', 'Description', 'Date sale price starts',
              'Date sale price ends', 'Tax status', 'Tax class', 'In stock?', 'Stock', 'Low stock amount',
              'Backorders allowed?', 'Sold individually?', 'Weight (kg)', 'Length (cm)', 'Width (cm)',
              'Height (cm)', 'Allow customer reviews?', 'Purchase note', 'Sale price', 'Regular price',
              'Categories', 'Tags', 'Shipping class', 'Images', 'Download limit', 'Download expiry days',
              'Parent', 'Grouped products', 'Upsells', 'Cross-sells', 'External URL', 'Button text', 'Position',
              'Brands', 'Attribute 1 name', 'Attribute 1 value(s)', 'Attribute 1 visible', 'Attribute 1 global']


def woo_rows(names, price=lambda p: p, weight=lambda w: w):
    rows = []
    post_id = 101
    done = set()
    for r in ROWS:
        parent = PARENT.get(r['product_id'])
        common = {names['Published']: '1', names['Is featured?']: '0',
                  names['Visibility in catalog']: 'visible', names['Tax status']: 'taxable',
                  names['In stock?']: '1', names['Backorders allowed?']: '0', names['Sold individually?']: '0',
                  names['Allow customer reviews?']: '1'}
        if parent and parent not in done:
            done.add(parent)
            rows.append({**common, names['ID']: str(post_id), names['Type']: 'variable', names['SKU']: parent,
                         names['Name']: PARENT_NAME[parent], names['Categories']: r['category'],
                         names['Brands']: '' if r['brand'] == 'NONE' else r['brand'],
                         names['Attribute 1 name']: 'Option', names['Attribute 1 value(s)']: 'several',
                         names['Attribute 1 visible']: '1', names['Attribute 1 global']: '0'})
            post_id += 1
        values = {**common, names['ID']: str(post_id), names['SKU']: r['sku'],
                  names['GTIN, UPC, EAN, or ISBN']: r['gtin'], names['Name']: r['title'],
                  names['Stock']: r['stock'], names['Weight (kg)']: weight(r['weight_kg']),
                  names['Length (cm)']: weight(r['length_cm']), names['Width (cm)']: weight(r['width_cm']),
                  names['Height (cm)']: weight(r['height_cm']), names['Regular price']: price(r['price'])}
        if parent:
            values.update({names['Type']: 'variation', names['Parent']: parent,
                           names['Attribute 1 name']: 'Option', names['Attribute 1 value(s)']: r['sku'],
                           names['Attribute 1 visible']: '', names['Attribute 1 global']: '0'})
        else:
            values.update({names['Type']: 'simple', names['Categories']: r['category'],
                           names['Brands']: '' if r['brand'] == 'NONE' else r['brand']})
        rows.append(values)
        post_id += 1
    return rows


EN = {h: h for h in WOO_HEADER}
write('woocommerce.csv', csv_text(WOO_HEADER, [row_of(WOO_HEADER, v) for v in woo_rows(EN)]), bom=True)

# --- WooCommerce (Portuguese, pt_BR): the same exporter with its translated column names (woocommerce-pt_BR.po;
# `REF` for SKU as the issue saw it, `Ascendente` for Parent as the .po translates "parent"); prices and
# measures with a decimal comma, as a store set to `,` exports them.

PT = dict(EN)
PT.update({'ID': 'ID', 'Type': 'Tipo', 'SKU': 'REF', 'GTIN, UPC, EAN, or ISBN': 'GTIN, UPC, EAN ou ISBN',
           'Name': 'Nome', 'Published': 'Publicado', 'Is featured?': 'Em destaque?',
           'Visibility in catalog': 'Visibilidade no catálogo', 'Short description': 'Descrição curta',
           'Description': 'Descrição', 'Date sale price starts': 'Data de preço promocional começa em',
           'Date sale price ends': 'Data de preço promocional termina em', 'Tax status': 'Status do imposto',
           'Tax class': 'Classe de imposto', 'In stock?': 'Em estoque?', 'Stock': 'Estoque',
           'Low stock amount': 'Quantidade baixa de estoque', 'Backorders allowed?': 'São permitidas encomendas?',
           'Sold individually?': 'Vendido individualmente?', 'Weight (kg)': 'Peso (kg)',
           'Length (cm)': 'Comprimento (cm)', 'Width (cm)': 'Largura (cm)', 'Height (cm)': 'Altura (cm)',
           'Allow customer reviews?': 'Permitir avaliações de clientes?', 'Purchase note': 'Nota da compra',
           'Sale price': 'Preço promocional', 'Regular price': 'Preço', 'Categories': 'Categorias',
           'Tags': 'Tags', 'Shipping class': 'Classe de entrega', 'Images': 'Imagens',
           'Download limit': 'Limite de downloads', 'Download expiry days': 'Dias para expirar o download',
           'Parent': 'Ascendente', 'Grouped products': 'Produtos agrupados', 'Upsells': 'Upsells',
           'Cross-sells': 'Venda cruzada', 'External URL': 'URL externa', 'Button text': 'Texto do botão',
           'Position': 'Posição', 'Brands': 'Marcas', 'Attribute 1 name': 'Nome do atributo 1',
           'Attribute 1 value(s)': 'Valores do atributo 1', 'Attribute 1 visible': 'Visibilidade do atributo 1',
           'Attribute 1 global': 'Atributo global 1'})
PT_HEADER = [PT[h] for h in WOO_HEADER]
write('woocommerce-pt.csv',
      csv_text(PT_HEADER, [row_of(PT_HEADER, v) for v in woo_rows(PT, price=comma, weight=comma)]), bom=True)

# --- Magento 2 catalog product export (its full header): product_type `simple` / `configurable`,
# `categories` as paths under "Default Category", created_at as the export writes it. No package sides,
# handling time, channel or logistics attribute; weight in the store's unit (kgs here), which the file does
# not say. A configurable product lists its children in `configurable_variations`; the children are
# separate rows, not grouped under it by any column.

MAGENTO_HEADER = ('sku,store_view_code,attribute_set_code,product_type,categories,product_websites,name,'
                  'description,short_description,weight,product_online,tax_class_name,visibility,price,'
                  'special_price,special_price_from_date,special_price_to_date,url_key,meta_title,meta_keywords,'
                  'meta_description,base_image,base_image_label,small_image,small_image_label,thumbnail_image,'
                  'thumbnail_image_label,swatch_image,swatch_image_label,created_at,updated_at,new_from_date,'
                  'new_to_date,display_product_options_in,map_price,msrp_price,map_enabled,gift_message_available,'
                  'custom_design,custom_design_from,custom_design_to,custom_layout_update,page_layout,'
                  'product_options_container,msrp_display_actual_price_type,country_of_manufacture,'
                  'additional_attributes,qty,out_of_stock_qty,use_config_min_qty,is_qty_decimal,allow_backorders,'
                  'use_config_backorders,min_cart_qty,use_config_min_sale_qty,max_cart_qty,'
                  'use_config_max_sale_qty,is_in_stock,notify_on_stock_below,use_config_notify_stock_qty,'
                  'manage_stock,use_config_manage_stock,use_config_qty_increments,qty_increments,'
                  'use_config_enable_qty_inc,enable_qty_increments,is_decimal_divided,website_id,related_skus,'
                  'related_position,crosssell_skus,crosssell_position,upsell_skus,upsell_position,'
                  'additional_images,additional_image_labels,hide_from_product_page,custom_options,'
                  'bundle_price_type,bundle_sku_type,bundle_price_view,bundle_weight_type,bundle_values,'
                  'bundle_shipment_type,associated_skus,downloadable_links,downloadable_samples,'
                  'configurable_variations,configurable_variation_labels').split(',')
magento_rows = []
for r in ROWS:
    brand = '' if r['brand'] == 'NONE' else f"manufacturer={r['brand']}"
    magento_rows.append(row_of(MAGENTO_HEADER, {
        'sku': r['sku'], 'attribute_set_code': 'Default', 'product_type': 'simple',
        'categories': 'Default Category/' + r['category'].replace(' > ', '/'), 'product_websites': 'base',
        'name': r['title'], 'weight': r['weight_kg'], 'product_online': '1', 'tax_class_name': 'Taxable Goods',
        'visibility': 'Catalog, Search', 'price': r['price'], 'url_key': r['sku'].lower(),
        'created_at': f"{r['listed_at']} 10:23:45", 'updated_at': '2026-11-20 08:00:00',
        'additional_attributes': brand, 'qty': r['stock'], 'is_in_stock': '1', 'website_id': '0'}))
for parent, name in PARENT_NAME.items():
    children = [r for r in ROWS if PARENT.get(r['product_id']) == parent]
    first = children[0]
    magento_rows.append(row_of(MAGENTO_HEADER, {
        'sku': parent, 'attribute_set_code': 'Default', 'product_type': 'configurable',
        'categories': 'Default Category/' + first['category'].replace(' > ', '/'), 'product_websites': 'base',
        'name': name, 'product_online': '1', 'tax_class_name': 'Taxable Goods', 'visibility': 'Catalog, Search',
        'price': first['price'], 'created_at': f"{first['listed_at']} 10:23:45",
        'updated_at': '2026-11-20 08:00:00', 'qty': '0', 'is_in_stock': '1', 'website_id': '0',
        'configurable_variations': '|'.join(f"sku={c['sku']},option={c['sku']}" for c in children),
        'configurable_variation_labels': 'option=Option'}))
write('magento.csv', csv_text(MAGENTO_HEADER, magento_rows))

# --- PrestaShop product import/export CSV (docs/csv_import/products_import.csv of PrestaShop): `;`, one row
# per product (combinations are another file), `Name *`, `Categories (x,y,z...)`, `Reference #`, sides as
# Width / Height / Depth in the shop's cm, weight in kg, the creation date as yyyy-mm-dd.

PRESTA_HEADER = ('Product ID;Active (0/1);Name *;Categories (x,y,z...);Price tax excluded;Tax rules ID;'
                 'Wholesale price;On sale (0/1);Discount amount;Discount percent;Discount from (yyyy-mm-dd);'
                 'Discount to (yyyy-mm-dd);Reference #;Supplier reference #;Supplier;Manufacturer;EAN13;UPC;MPN;'
                 'Ecotax;Width;Height;Depth;Weight;Delivery time of in-stock products;'
                 'Delivery time of out-of-stock products with allowed orders;Quantity;Minimal quantity;'
                 'Low stock level;Send me an email when the quantity is under this level;Visibility;'
                 'Additional shipping cost;Unity;Unit price;Summary;Description;Tags (x,y,z...);Meta title;'
                 'Meta keywords;Meta description;URL rewritten;Text when in stock;Text when backorder allowed;'
                 'Available for order (0 = No, 1 = Yes);Product available date;Product creation date;'
                 'Show price (0 = No, 1 = Yes);Image URLs (x,y,z...);Image alt texts (x,y,z...);'
                 'Delete existing images (0 = No, 1 = Yes);Feature(Name:Value:Position);'
                 'Available online only (0 = No, 1 = Yes);Condition;Customizable (0 = No, 1 = Yes);'
                 'Uploadable files (0 = No, 1 = Yes);Text fields (0 = No, 1 = Yes);Out of stock action;'
                 'Virtual product;File URL;Number of allowed downloads;Expiration date;Number of days;'
                 'ID / Name of shop;Advanced stock management;Depends On Stock;Warehouse;'
                 'Acessories  (x,y,z...)').split(';')
presta_rows = []
for i, r in enumerate(ROWS):
    presta_rows.append(row_of(PRESTA_HEADER, {
        'Product ID': str(i + 1), 'Active (0/1)': '1', 'Name *': r['title'],
        'Categories (x,y,z...)': r['category'].split(' > ')[-1], 'Price tax excluded': r['price'],
        'Tax rules ID': '1', 'Reference #': r['sku'], 'Manufacturer': '' if r['brand'] == 'NONE' else r['brand'],
        'EAN13': r['gtin'], 'MPN': r['mpn'], 'Width': r['width_cm'], 'Height': r['height_cm'],
        'Depth': r['length_cm'], 'Weight': r['weight_kg'], 'Quantity': r['stock'], 'Minimal quantity': '1',
        'Visibility': 'both', 'Available for order (0 = No, 1 = Yes)': '1',
        'Product creation date': r['listed_at'], 'Show price (0 = No, 1 = Yes)': '1', 'Condition': 'new',
        'ID / Name of shop': '1'}))
write('prestashop.csv', csv_text(PRESTA_HEADER, presta_rows, ';'))

# --- Shopify product CSV, the current template (2024 on): `URL handle`, `SKU`, `Inventory quantity`,
# `Weight value (grams)`; the product's title, vendor and category on its first row only.

SHOPIFY_HEADER = ('Title,URL handle,Description,Vendor,Product category,Type,Tags,Published on online store,'
                  'Status,SKU,Barcode,Option1 name,Option1 value,Option1 Linked To,Option2 name,Option2 value,'
                  'Option2 Linked To,Option3 name,Option3 value,Option3 Linked To,Price,Compare-at price,'
                  'Cost per item,Charge tax,Tax code,Unit price total measure,Unit price total measure unit,'
                  'Unit price base measure,Unit price base measure unit,Inventory tracker,Inventory quantity,'
                  'Continue selling when out of stock,Weight value (grams),Weight unit for display,'
                  'Requires shipping,Fulfillment service,Product image URL,Image position,Image alt text,'
                  'Variant image URL,Gift card,SEO title,SEO description,'
                  'Google Shopping / Google product category,Google Shopping / Gender,'
                  'Google Shopping / Age group,Google Shopping / Manufacturer part number (MPN),'
                  'Google Shopping / Condition,Google Shopping / Custom product').split(',')
shopify_rows = []
seen = set()
for r in ROWS:
    handle = r['product_id']
    first = handle not in seen
    seen.add(handle)
    grams = str(round(float(r['weight_kg']) * 1000))
    values = {'URL handle': f"p-{handle}", 'SKU': r['sku'], 'Barcode': r['gtin'], 'Option1 name': 'Option',
              'Option1 value': r['sku'], 'Price': r['price'], 'Inventory tracker': 'shopify',
              'Inventory quantity': r['stock'], 'Continue selling when out of stock': 'DENY',
              'Weight value (grams)': grams, 'Weight unit for display': 'g', 'Requires shipping': 'TRUE',
              'Fulfillment service': 'manual', 'Charge tax': 'TRUE', 'Gift card': 'FALSE',
              'Google Shopping / Manufacturer part number (MPN)': r['mpn']}
    if first:
        values.update({'Title': PARENT_NAME.get(PARENT.get(handle, ''), r['title']),
                       'Vendor': '' if r['brand'] == 'NONE' else r['brand'], 'Product category': r['category'],
                       'Type': r['category'].split(' > ')[-1], 'Published on online store': 'TRUE',
                       'Status': 'active'})
    shopify_rows.append(row_of(SHOPIFY_HEADER, values))
write('shopify-2024.csv', csv_text(SHOPIFY_HEADER, shopify_rows))

# --- AliExpress product feed (the flat header a marketplace connector submits, with `aliexpress_product_id`
# on update and the schema's package_* fields): handling days as shipping_preparation_time, stock as
# inventory, ean. No channel or logistics attribute.

AE_HEADER = ['aliexpress_product_id', 'category_id', 'sku_code', 'inventory', 'price', 'discount_price', 'ean',
             'brand', 'locale', 'shipping_preparation_time', 'shipping_template_id', 'service_template_id',
             'product_units_type', 'inventory_deduction_strategy', 'package_weight', 'package_length',
             'package_width', 'package_height', 'title', 'description', 'image1']
ae_rows = [row_of(AE_HEADER, {
    'aliexpress_product_id': r['product_id'], 'category_id': r['category'], 'sku_code': r['sku'],
    'inventory': r['stock'], 'price': r['price'], 'ean': r['gtin'], 'brand': r['brand'], 'locale': 'en_US',
    'shipping_preparation_time': r['handling_days'], 'shipping_template_id': '714844311',
    'service_template_id': '0', 'product_units_type': '100000015',
    'inventory_deduction_strategy': 'payment_success_deduct', 'package_weight': r['weight_kg'],
    'package_length': r['length_cm'], 'package_width': r['width_cm'], 'package_height': r['height_cm'],
    'title': r['title']}) for r in ROWS]
write('aliexpress-feed.csv', csv_text(AE_HEADER, ae_rows))

# --- A Chinese ERP product export: bilingual headers (`产品SKU/SKU`, `重量/Weight`,
# `货物属性/ContainBattery`), the package's sides with their unit in one bracket (`包装尺寸(长cm)`) next to
# the product's own (`商品尺寸(长cm)`, which the package's win over), `分类`, `SPU`, a currency in the price's
# bracket, and a yes/no battery column (否 / 是). GB18030 (GBK) with CRLF, as Excel in China saves it.

ERP_HEADER = ['SPU', '产品SKU/SKU', '产品名称/ProductTitle', '分类', '品牌', '条码', '型号', '重量/Weight',
              '商品尺寸(长cm)', '商品尺寸(宽cm)', '商品尺寸(高cm)', '包装尺寸(长cm)', '包装尺寸(宽cm)',
              '包装尺寸(高cm)', '备货期(天)', '创建时间', '经营模式', '零售价(USD)', '库存',
              '货物属性/ContainBattery', '采购员']
erp_rows = [row_of(ERP_HEADER, {
    'SPU': r['product_id'], '产品SKU/SKU': r['sku'], '产品名称/ProductTitle': r['title'],
    '分类': ZH_CATEGORY[r['category']], '品牌': r['brand'], '条码': r['gtin'], '型号': r['mpn'],
    '重量/Weight': r['weight_kg'],
    # The product without its box: smaller, and never read while the package's sides are there.
    '商品尺寸(长cm)': str(max(1, int(float(r['length_cm'])) - 2)),
    '商品尺寸(宽cm)': str(max(1, int(float(r['width_cm'])) - 2)),
    '商品尺寸(高cm)': '1',
    '包装尺寸(长cm)': r['length_cm'], '包装尺寸(宽cm)': r['width_cm'], '包装尺寸(高cm)': r['height_cm'],
    '备货期(天)': r['handling_days'], '创建时间': r['listed_at'].replace('-', '/') + ' 09:30',
    '经营模式': ZH_CHANNEL[r['channel']], '零售价(USD)': r['price'], '库存': r['stock'],
    '货物属性/ContainBattery': '是' if r['logistics_attribute'] == 'battery' else '否',
    '采购员': '王芳'}) for r in ROWS]
write('erp-bilingual.csv', csv_text(ERP_HEADER, erp_rows, line_end='\r\n'), 'gb18030')

# --- A Mabang-style stock-SKU export: `*库存sku编号`, `*库存sku名称`, `主SKU`, the weight in grams with no
# unit in `商品重量`, the package's three sides in one cell (`包装尺寸(长*宽*高)CM`: 15*10*2), and
# `是否带电池（0/1）`. UTF-8 with a BOM.

MB_HEADER = ['*库存sku编号', '*库存sku名称', '库存sku英文名称', 'sku状态(自动创建、等待开发、正常销售)', '主SKU',
             '成本价', '售价', '品牌', '商品目录', '库存', '商品重量', '包装尺寸(长*宽*高)CM', '是否带电池（0/1）',
             '采购天数', '创建时间(2018/12/18 23:59:59)', '经营模式', '条形码', '型号']


def one_cell(r):
    sides = [r['length_cm'], r['width_cm'], r['height_cm']]
    # A side the seller never filled in: two sides in the cell.
    return '*'.join(s for s in sides if s)


mb_rows = [row_of(MB_HEADER, {
    '*库存sku编号': r['sku'], '*库存sku名称': r['title'], '库存sku英文名称': r['title'],
    'sku状态(自动创建、等待开发、正常销售)': '正常销售', '主SKU': r['product_id'], '成本价': '5',
    '售价': r['price'], '品牌': r['brand'], '商品目录': ZH_CATEGORY[r['category']], '库存': r['stock'],
    '商品重量': str(round(float(r['weight_kg']) * 1000)), '包装尺寸(长*宽*高)CM': one_cell(r),
    '是否带电池（0/1）': '1' if r['logistics_attribute'] == 'battery' else '0', '采购天数': r['handling_days'],
    '创建时间(2018/12/18 23:59:59)': r['listed_at'].replace('-', '/') + ' 12:00:00',
    '经营模式': ZH_CHANNEL[r['channel']], '条形码': r['gtin'], '型号': r['mpn']}) for r in ROWS]
write('erp-mabang.csv', csv_text(MB_HEADER, mb_rows, line_end='\r\n'), bom=True)

# --- Preambles: a report title, the export date, a blank line and a note above the header (CSV), and 49
# `#` comment lines above a tab-separated table, as some tools write them.

CANON_HEADER = list(ROWS[0].keys())
canon_rows = [[r[h] for h in CANON_HEADER] for r in ROWS]
preamble = ('商品导出报表 / Product export report,,,\n'
            'Exported at: 2026-11-20 08:00,,,\n'
            '\n'
            'Note: weights in kg, sizes in cm; one row per SKU\n')
write('preamble.csv', preamble + csv_text(CANON_HEADER, canon_rows))
comments = ''.join(f'# {line}\n' for line in
                   ['catalog export, tab-separated'] + [f'field {i}: see the documentation, section {i}' for i in
                                                        range(1, 48)] + ['end of comments, header follows'])
write('comments.tsv', comments + csv_text(CANON_HEADER, canon_rows, '\t'))
