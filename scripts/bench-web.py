#!/usr/bin/env python3
"""scripts/bench web: p95 time of the dashboard's /events and /jobs/{id} pages (server-rendered HTML, signed in)
with N events in the database, beside /alive measured the same way in the same run. Called by scripts/bench."""
import argparse, http.cookiejar, json, re, sqlite3, statistics, time, urllib.parse, urllib.request, uuid

p = argparse.ArgumentParser()
for name in ("api", "web", "db", "email", "password", "clip"): p.add_argument("--" + name, required=True)
p.add_argument("--events", type=int, default=1000)
p.add_argument("--requests", type=int, default=60)
args = p.parse_args()


def api(method, path, token=None, body=None, headers=None):
    request = urllib.request.Request(args.api + path, data=body, method=method, headers=headers or {})
    if token: request.add_header("Authorization", "Bearer " + token)
    with urllib.request.urlopen(request, timeout=120) as response:
        return json.loads(response.read() or b"null")


token = api("POST", "/api/auth/login", body=json.dumps({"email": args.email, "password": args.password}).encode(),
            headers={"content-type": "application/json"})["accessToken"]
boundary = uuid.uuid4().hex
with open(args.clip, "rb") as f: clip = f.read()
form = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"videoType\"\r\n\r\ndashcam\r\n"
        f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"bench.mp4\"\r\nContent-Type: video/mp4\r\n\r\n").encode() \
       + clip + f"\r\n--{boundary}--\r\n".encode()
job = api("POST", "/api/jobs", token, form, {"content-type": "multipart/form-data; boundary=" + boundary})
deadline = time.time() + 600
while job["status"] not in ("completed", "failed") and time.time() < deadline:
    time.sleep(1)
    job = api("GET", f"/api/jobs/{job['id']}", token)
if job["status"] != "completed": raise SystemExit(f"bench job did not complete: {job}")

# N events on the job: copies of the events the analysis found (same snapshot files), new ids.
db = sqlite3.connect(args.db, timeout=30)
columns = [row[1] for row in db.execute("PRAGMA table_info(safety_events)")]
job_id = db.execute("SELECT Id FROM video_jobs WHERE lower(Id) = lower(?)", (job["id"],)).fetchone()[0]
found = db.execute(f"SELECT {', '.join(columns)} FROM safety_events WHERE JobId = ?", (job_id,)).fetchall()
if not found: raise SystemExit("the bench clip gave no events to copy")
rows = []
for i in range(args.events - len(found)):
    row = list(found[i % len(found)])
    row[columns.index("Id")] = str(uuid.uuid4()).upper()
    rows.append(row)
db.executemany(f"INSERT INTO safety_events ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})", rows)
db.commit()
total = db.execute("SELECT COUNT(*) FROM safety_events").fetchone()[0]

# Sign in to the dashboard as a browser does: the antiforgery token from the form, then the session cookie.
jar = http.cookiejar.CookieJar()
browser = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
page = browser.open(args.web + "/login", timeout=60).read().decode()
antiforgery = re.search(r'name="__RequestVerificationToken" value="([^"]+)"', page).group(1)
browser.open(args.web + "/login", urllib.parse.urlencode({"_handler": "login", "__RequestVerificationToken": antiforgery,
             "Input.Email": args.email, "Input.Password": args.password}).encode(), timeout=60).read()
if not any(c.name == "adas_session" for c in jar): raise SystemExit("signing in to the dashboard failed")


def timed(path):
    for _ in range(5): browser.open(args.web + path, timeout=60).read()
    times = []
    for _ in range(args.requests):
        start = time.perf_counter()
        body = browser.open(args.web + path, timeout=60).read()
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    return statistics.median(times), times[int(round(0.95 * (len(times) - 1)))], len(body)


print(f"events_in_database={total} events_on_job={args.events} requests_per_page={args.requests}")
for name, path in (("alive", "/alive"), ("events_page", "/events"), ("job_page", f"/jobs/{job['id']}")):
    p50, p95, size = timed(path)
    print(f"{name}_p50_ms={p50:.1f} {name}_p95_ms={p95:.1f} {name}_bytes={size}")
