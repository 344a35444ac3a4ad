"""What the fixture scripts of test/dialects and test/layouts share: canonical.csv's rows, the Chinese
names of its categories and channels (zh-categories.json, also read by test/layouts/make-workbooks.mjs),
and CSV writing."""

import csv
import io
import json
from pathlib import Path

DIALECTS = Path(__file__).resolve().parent

with open(DIALECTS / 'canonical.csv', newline='', encoding='utf-8') as f:
    _reader = csv.DictReader(f)
    HEADERS = list(_reader.fieldnames or [])
    ROWS = list(_reader)

ZH_CATEGORY = json.loads((DIALECTS / 'zh-categories.json').read_text(encoding='utf-8'))
ZH_CHANNEL = {'pop': '自运营', 'semi-managed': '半托管', 'full-managed': '全托管'}


def csv_text(header, rows, delimiter=',', line_end='\n'):
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator=line_end, quoting=csv.QUOTE_MINIMAL)
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()


def write(path, text, encoding='utf-8', bom=False):
    data = (('\ufeff' if bom else '') + text).encode(encoding)
    path.write_bytes(data)
    print(f'{path.name}: {len(data)} bytes')
