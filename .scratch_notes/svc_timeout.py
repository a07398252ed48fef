"""A real service (TestClient, real spaCy): 16 Dragnet train-half pages with facts under a 3 s budget, then a
one-page request on the one slot: how long it waits for the abandoned analysis to let go."""
import gzip, time, warnings
from pathlib import Path
warnings.filterwarnings("ignore")
from fastapi.testclient import TestClient
from storytrace.resources import Resources
from storytrace.service import ServiceSettings, create_app
from storytrace.settings import Options
html = sorted(Path("/work/shared/data/extraction/dragnet/html").glob("*.html.gz"))[0::2][:16]
pages = [{"html": gzip.decompress(p.read_bytes()).decode("utf-8", "replace"), "url": f"https://d.example/{p.name}"} for p in html]
res = Resources(); res.get("nlp"); res.get("facts_resources")
app = create_app(ServiceSettings(options=Options(progress=False, with_stories=False), request_timeout=float(__import__("sys").argv[1]),
                                 max_concurrent_analyses=1), res)
with TestClient(app) as c:
    c.post("/analyze", json={"pages": pages[:2], "with_comments": False})  # warm
    t = time.monotonic(); r = c.post("/analyze", json={"pages": pages, "with_comments": False})
    print("16 pages:", r.status_code, f"{time.monotonic() - t:.2f}s")
    t = time.monotonic(); r = c.post("/analyze", json={"pages": pages[:1], "with_facts": False, "with_comments": False})
    print("next 1-page request:", r.status_code, f"{time.monotonic() - t:.2f}s")
