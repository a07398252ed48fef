"""How long an abandoned analysis runs on after its stop is asked: 16 Dragnet train-half pages, one batch, facts on."""
import gzip, sys, threading, time
from pathlib import Path
from storytrace import pipeline
from storytrace.records import RawDocument
from storytrace.resources import Resources
from storytrace.settings import Options

html = sorted(Path("/work/shared/data/extraction/dragnet/html").glob("*.html.gz"))[0::2][:16]
raws = [RawDocument(source=p.name, data=gzip.decompress(p.read_bytes()), kind="html") for p in html]
opts = Options(with_facts=True, with_comments=False, progress=False, with_stories=False)
res = Resources()
res.get("nlp"); res.get("facts_resources")
t0 = time.monotonic(); pipeline.process_batch(list(raws), opts, res); full = time.monotonic() - t0
stop = threading.Event()
class Stopped(Exception): pass
def check():
    if stop.is_set(): raise Stopped
out = {}
def work():
    with pipeline.stop_checked(check):
        try: pipeline.process_batch(list(raws), opts, res); out["r"] = "finished"
        except Stopped: out["r"] = "stopped"
import storytrace.facts as F
real = F.extract_facts_batch
times = {}
def timed(*a, **k):
    times["start"] = time.monotonic()
    try: return real(*a, **k)
    finally: times["end"] = time.monotonic()
F.extract_facts_batch = timed
t0 = time.monotonic(); pipeline.process_batch(list(raws), opts, res); warm = time.monotonic() - t0
stage = times["end"] - times["start"]
delay = float(sys.argv[1]) if len(sys.argv) > 1 else 0.2
def asker():
    while "start" not in times: time.sleep(0.005)
    time.sleep(delay); times["asked"] = time.monotonic(); stop.set()
times.clear()
th = threading.Thread(target=work); a = threading.Thread(target=asker); th.start(); a.start(); th.join(); a.join()
print(f"warm batch {warm:.2f}s, its facts stage {stage:.2f}s; stop asked {delay:.2f}s into the facts stage; "
      f"ran on {time.monotonic() - times['asked']:.2f}s; {out['r']}")
