"""The database fallback's word-table scan at network scale on PostgreSQL, without and with the pg_trgm GIN indexes
of migration hub_search/0004 (issue 15): N pages' folded words (10k, 50k), the fallback's own query shape (every word
`LIKE '% word %'` in one of the four folded columns), median of 5 runs per query, printed side by side.

    .venv/bin/python benchmarks/fallback_scale.py --database postgres://hub:hub@127.0.0.1:5432/hub_bench

It writes a scratch table `bench_pagesearchtext` (same columns as `hub_search_pagesearchtext`) and drops it at the end.
"""

import argparse
import random
import statistics
import time

import psycopg

COLUMNS = ("title_folded", "summary_folded", "body_folded", "labels_folded")
# Folded Vietnamese and English words the demo content uses; a rare word stands for a name.
VOCABULARY = (
    "chuyen doi so ngoai giao dai su quan ho chieu thi thuc bao ho cong dan kieu bao hoi nghi thuong dinh le ky niem"
    " quoc khanh dong bang song cuu long visa consular hotline embassy press release trade fair culture week climate"
    " rice delta mission minister statement speech event notice digital transformation"
).split()
QUERIES = ("chuyen doi so", "nguyen thi thanh huong", "visa", "apply online visa", "zanzibar")


def words(rng: random.Random, n: int) -> str:
    return " " + " ".join(rng.choice(VOCABULARY) for _ in range(n)) + " "


def fill(cursor, n: int) -> None:
    rng = random.Random(15)
    cursor.execute("DROP TABLE IF EXISTS bench_pagesearchtext")
    cursor.execute(f"CREATE TABLE bench_pagesearchtext (page_id int PRIMARY KEY, {', '.join(f'{c} text' for c in COLUMNS)})")
    rows = []
    for page_id in range(n):
        body = words(rng, 300)
        if page_id % 5000 == 0:  # a few pages name the person
            body += "nguyen thi thanh huong "
        rows.append((page_id, words(rng, 8), words(rng, 25), body, words(rng, 3)))
    with cursor.copy(f"COPY bench_pagesearchtext (page_id, {', '.join(COLUMNS)}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row(row)
    cursor.execute("ANALYZE bench_pagesearchtext")


def query_sql(q: str) -> tuple[str, list[str]]:
    clauses, params = [], []
    for word in q.split():
        clauses.append("(" + " OR ".join(f"{column}::text LIKE %s" for column in COLUMNS) + ")")
        params += [f"% {word} %"] * len(COLUMNS)
    return f"SELECT page_id FROM bench_pagesearchtext WHERE {' AND '.join(clauses)}", params


def timed(cursor, q: str) -> tuple[float, int]:
    sql, params = query_sql(q)
    runs = []
    for _ in range(5):
        start = time.perf_counter()
        cursor.execute(sql, params)
        found = len(cursor.fetchall())
        runs.append((time.perf_counter() - start) * 1000)
    return statistics.median(runs), found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", required=True)
    parser.add_argument("--sizes", default="10000,50000")
    options = parser.parse_args()
    with psycopg.connect(options.database, autocommit=True) as connection, connection.cursor() as cursor:
        cursor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        print("| pages | query | matches | LIKE scan (ms) | pg_trgm GIN (ms) | speed-up |")
        print("| ---: | --- | ---: | ---: | ---: | ---: |")
        for n in (int(size) for size in options.sizes.split(",")):
            fill(cursor, n)
            before = {q: timed(cursor, q) for q in QUERIES}
            start = time.perf_counter()
            for column in COLUMNS:
                cursor.execute(f"CREATE INDEX ON bench_pagesearchtext USING gin ({column} gin_trgm_ops)")
            cursor.execute("ANALYZE bench_pagesearchtext")
            built = time.perf_counter() - start
            for q in QUERIES:
                (slow, found), (fast, found_after) = before[q], timed(cursor, q)
                assert found == found_after, q
                print(f"| {n:,} | `{q}` | {found:,} | {slow:.1f} | {fast:.1f} | {slow / fast:.1f}× |")
            print(f"| {n:,} | (building the four indexes) | | | {built * 1000:.0f} | |")
        cursor.execute("DROP TABLE IF EXISTS bench_pagesearchtext")


if __name__ == "__main__":
    main()
