import sys, re
from lxml import html as LH
for f in sys.argv[1:]:
    raw = open(f, encoding='utf-8', errors='replace').read()
    doc = LH.document_fromstring(raw)
    scripts = doc.xpath('//script'); styles = doc.xpath('//style')
    on = [(e.tag, a) for e in doc.iter() if isinstance(e.tag, str) for a in e.attrib if a.lower().startswith('on')]
    links = [(e.tag, a, v) for e in doc.iter() if isinstance(e.tag, str) for a, v in e.attrib.items()
             if a in ('href', 'src', 'action', 'formaction', 'srcset') and not v.startswith('#')]
    tags = sorted({e.tag for e in doc.iter() if isinstance(e.tag, str)})
    ctrl = len(re.findall(r'[\x00-\x08\x0b\x0e-\x1f\x7f]', raw))
    bidi = len(re.findall('[\u202a-\u202e\u2066-\u2069]', raw))
    print(f, 'scripts', len(scripts), 'styles', len(styles), 'on*', on[:5], 'links', links[:5], 'controls', ctrl, 'bidi', bidi)
    print('  tags', tags)
