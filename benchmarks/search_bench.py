#!/usr/bin/env python
"""Search benchmark (not a test): indexing rate and query latency against the live engine.

    make engine                                   # or any OpenSearch 2/3 node
    .venv/bin/python benchmarks/search_bench.py   # --pages 10000 --docs 100000 --queries 500

1. Reindex rate: real pages (ArticlePages of provisioned missions, in a SQLite file under /tmp, kept between
   runs) through the real indexing path, `search_reindex()`; then the outbox path, draining one entry per page.
2. Query latency at `--docs` synthetic documents (100 missions × 10 locales) loaded straight into a second
   index of the same mapping: p50/p95/p99 of the hub's faceted, highlighted query (engine round trip, and
   the whole `pages_search` call), and, on the same text plus a mission filter, the hub against Wagtail's
   own search (modelsearch's OpenSearch backend, its own index holding the same synthetic pages).

The series take turns query by query (the machines are shared, so each meets the same load), after a warm-up
quarter; the numbers are wall-clock milliseconds measured by this client.
"""

import argparse
import datetime as dt
import functools
import itertools
import os
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

LANGUAGES = ["en", "vi", "fr", "es", "ar", "zh-hans", "ru", "ja", "ko", "de"]
UNSPACED = {"zh-hans", "ja"}
VOCABULARY = {
    "en": "embassy minister visit cooperation trade investment agreement culture festival education scholarship visa "
    "passport consular citizens climate energy digital transformation security defence health vaccine tourism "
    "exhibition students business forum partnership development economy maritime agriculture water river rice "
    "coffee technology innovation startup women youth heritage music film delegation summit dialogue bilateral "
    "regional sustainable green finance bank infrastructure port railway airport election parliament",
    "vi": "đại sứ quán bộ trưởng chuyến thăm hợp tác thương mại đầu tư hiệp định văn hoá lễ hội giáo dục học bổng "
    "thị thực hộ chiếu lãnh sự công dân khí hậu năng lượng chuyển đổi số an ninh quốc phòng y tế vắc xin du lịch "
    "triển lãm sinh viên doanh nghiệp diễn đàn đối tác phát triển kinh tế biển nông nghiệp nước sông gạo cà phê "
    "công nghệ đổi mới khởi nghiệp phụ nữ thanh niên di sản âm nhạc phim đoàn hội nghị đối thoại song phương",
    "fr": "ambassade ministre visite coopération commerce investissement accord culture festival éducation bourse "
    "visa passeport consulaire citoyens climat énergie numérique transformation sécurité défense santé vaccin "
    "tourisme exposition étudiants entreprises forum partenariat développement économie maritime agriculture "
    "eau fleuve riz café technologie innovation jeunesse femmes patrimoine musique cinéma délégation sommet",
    "es": "embajada ministro visita cooperación comercio inversión acuerdo cultura festival educación beca visado "
    "pasaporte consular ciudadanos clima energía digital transformación seguridad defensa salud vacuna turismo "
    "exposición estudiantes empresas foro asociación desarrollo economía marítimo agricultura agua río arroz "
    "café tecnología innovación jóvenes mujeres patrimonio música cine delegación cumbre diálogo bilateral",
    "ar": "السفارة الوزير زيارة تعاون تجارة استثمار اتفاقية ثقافة مهرجان تعليم منحة تأشيرة جواز قنصلية مواطنين "
    "مناخ طاقة رقمي تحول أمن دفاع صحة لقاح سياحة معرض طلاب شركات منتدى شراكة تنمية اقتصاد بحري زراعة مياه "
    "نهر أرز قهوة تكنولوجيا ابتكار شباب نساء تراث موسيقى سينما وفد قمة حوار ثنائي",
    "zh-hans": "大使馆 部长 访问 合作 贸易 投资 协议 文化 节日 教育 奖学金 签证 护照 领事 公民 气候 能源 数字化 转型 安全 "
    "国防 卫生 疫苗 旅游 展览 学生 企业 论坛 伙伴 发展 经济 海洋 农业 水资源 河流 大米 咖啡 科技 创新 青年 妇女 遗产 "
    "音乐 电影 代表团 峰会 对话 双边",
    "ru": "посольство министр визит сотрудничество торговля инвестиции соглашение культура фестиваль образование "
    "стипендия виза паспорт консульский граждане климат энергетика цифровая трансформация безопасность оборона "
    "здравоохранение вакцина туризм выставка студенты бизнес форум партнерство развитие экономика морской "
    "сельское хозяйство вода река рис кофе технологии инновации молодежь женщины наследие музыка кино",
    "ja": "大使館 大臣 訪問 協力 貿易 投資 協定 文化 祭り 教育 奨学金 ビザ 旅券 領事 国民 気候 エネルギー デジタル "
    "変革 安全保障 防衛 保健 ワクチン 観光 展示会 学生 企業 フォーラム 連携 開発 経済 海洋 農業 水 川 米 コーヒー "
    "技術 イノベーション 若者 女性 遺産 音楽 映画 代表団 首脳会議 対話",
    "ko": "대사관 장관 방문 협력 무역 투자 협정 문화 축제 교육 장학금 비자 여권 영사 국민 기후 에너지 디지털 전환 "
    "안보 국방 보건 백신 관광 전시회 학생 기업 포럼 동반자 개발 경제 해양 농업 물 강 쌀 커피 기술 혁신 청년 "
    "여성 유산 음악 영화 대표단 정상회의 대화 양자",
    "de": "Botschaft Minister Besuch Zusammenarbeit Handel Investitionen Abkommen Kultur Festival Bildung "
    "Stipendium Visum Reisepass konsularisch Bürger Klima Energie digitale Transformation Sicherheit Verteidigung "
    "Gesundheit Impfstoff Tourismus Ausstellung Studierende Unternehmen Forum Partnerschaft Entwicklung Wirtschaft "
    "maritim Landwirtschaft Wasser Fluss Reis Kaffee Technologie Innovation Jugend Frauen Erbe Musik Film",
}
SHARED_NAMES = "ASEAN Mekong G20 UNESCO COVID-19 APEC EU Hanoi Paris Canberra Delhi Nairobi Lima".split()
TAGS = [f"tag-{n}" for n in range(40)]
KINDS = ["news", "press_release", "statement", "speech", "press_briefing", "photo_story"]
COUNTRIES = ["VN", "FR", "AU", "IN", "KE", "PE", "DE", "JP", "KR", "CN", "EG", "BR", "US", "CA", "ZA", "SE"]
REGIONS = ["asia-pacific", "europe", "americas", "africa-middle-east"]


VOCABULARY_SIZE = 3000


@functools.cache
def words(language: str) -> list[str]:
    """A Zipfian vocabulary for a language, most frequent first: the real words above, then made-up words
    spliced from them, so that terms are spread the way they are in real text (a few very common, most rare)."""
    base = VOCABULARY[language].split()
    rng = random.Random(language)
    made_up: dict[str, None] = {}
    while len(base) + len(made_up) < VOCABULARY_SIZE:
        first, second, third = rng.choice(base), rng.choice(base), rng.choice(base)
        if language in UNSPACED:
            word = first[: rng.randint(1, 2)] + second[-1:] + third[: rng.randint(0, 1)]
        else:
            word = first[: max(2, len(first) // 2)] + second[len(second) // 2 :] + third[-rng.randint(0, 2) or len(third) :]
        if word not in base:
            made_up[word] = None
    return base + list(made_up)


@functools.cache
def _weights(language: str) -> list[float]:
    return list(itertools.accumulate(1 / (rank + 1) for rank in range(len(words(language)))))


def sentence(rng: random.Random, language: str, count: int) -> str:
    vocabulary = words(language)
    picked = rng.choices(vocabulary, cum_weights=_weights(language), k=count)
    if rng.random() < 0.3:
        picked[rng.randrange(count)] = rng.choice(SHARED_NAMES)
    return ("" if language in UNSPACED else " ").join(picked)


def configure(args) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hub.settings.dev")
    os.environ["DATABASE_URL"] = args.database_url
    os.environ["HUB_SEARCH_ENGINE"] = "opensearch"
    os.environ["HUB_SEARCH_URL"] = args.url
    os.environ["HUB_SEARCH_INDEX_PREFIX"] = "bench-"
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    import django

    django.setup()


def percentiles(samples: list[float]) -> dict[str, float]:
    cuts = statistics.quantiles(samples, n=100, method="inclusive")
    return {"p50": cuts[49], "p95": cuts[94], "p99": cuts[98], "mean": statistics.fmean(samples)}


def interleaved(series: dict, warmup: int) -> dict[str, list[float]]:
    """Milliseconds per call of each series, taking turns query by query so that every series meets the same
    machine load (the machines are shared); the first `warmup` rounds are not measured."""
    samples = {label: [] for label in series}
    rounds = min(len(queries) for _run, queries in series.values())
    for index in range(rounds):
        for label, (run, queries) in series.items():
            started = time.perf_counter()
            run(queries[index])
            if index >= warmup:
                samples[label].append((time.perf_counter() - started) * 1000)
    return samples


def wait_for_merges(client, index: str) -> None:
    """Let the merges a bulk load starts finish, so queries meet a settled index."""
    while client.indices.stats(index=index, metric="merge")["_all"]["total"]["merges"]["current"]:
        time.sleep(1)


# -- part 1: real pages, real indexing path ---------------------------------------------------------------


def build_real_pages(*, count: int, missions: int, rng: random.Random) -> None:
    """Provision missions and publish `count` articles, without indexing them (that is what is measured)."""
    from django.db import transaction
    from django.test import override_settings
    from tqdm import tqdm

    from embassies.models import ArticlePage, SectionIndexPage
    from hub.models import Mission, Region
    from hub.services import mission_create

    quiet = {"HUB_SEARCH_ENGINE": "", "WAGTAILSEARCH_BACKENDS": {"default": {"BACKEND": "wagtail.search.backends.database", "AUTO_UPDATE": False}}}
    with override_settings(**quiet):
        for n in tqdm(range(Mission.objects.count(), missions), desc="Missions", unit="missions"):
            default, extra = LANGUAGES[n % len(LANGUAGES)], LANGUAGES[(n + 3) % len(LANGUAGES)]
            mission_create(
                slug=f"bench-{n:03d}", name=f"Bench mission {n:03d}", kind="embassy", country=COUNTRIES[n % len(COUNTRIES)],
                city=f"City {n}", region=Region.objects.get(slug=REGIONS[n % len(REGIONS)]), timezone="UTC",
                default_language_code=default, extra_language_codes=[extra],
            )
        sections = list(SectionIndexPage.objects.filter(slug="news").select_related("locale"))
        existing = ArticlePage.objects.count()
        start = dt.datetime(2019, 1, 1, tzinfo=dt.timezone.utc)
        with tqdm(total=count, initial=min(existing, count), desc="Pages", unit="pages") as bar:
            while existing < count:
                with transaction.atomic():
                    for _ in range(min(250, count - existing)):
                        section = rng.choice(sections)
                        language = section.locale.language_code
                        published = start + dt.timedelta(minutes=rng.randrange(8 * 365 * 24 * 60))
                        page = ArticlePage(
                            title=sentence(rng, language, rng.randint(5, 9)),
                            summary=sentence(rng, language, rng.randint(15, 25)),
                            kind=rng.choice(KINDS),
                            body=[("rich_text", "".join(f"<p>{sentence(rng, language, rng.randint(40, 70))}</p>" for _ in range(3)))],
                            live=True, first_published_at=published, last_published_at=published, locale=section.locale,
                        )
                        page.tags.add(*rng.sample(TAGS, rng.randint(0, 3)))
                        section.add_child(instance=page)
                        existing += 1
                        bar.update()


def measure_indexing(rng: random.Random) -> dict:
    from tqdm import tqdm

    from search.documents import pages_indexable
    from search.gateway import gateway_required
    from search.models import IndexOutbox, IndexTarget
    from search.services import outbox_drain, search_reindex

    runs = []
    for attempt in range(2):
        with tqdm(desc=f"Reindex {attempt + 1}", unit="pages") as bar:
            report = search_reindex(batch_size=500, progress=bar.update, total=lambda n: setattr(bar, "total", n))
        runs.append(report.documents / report.seconds)
    ids = list(pages_indexable().values_list("pk", flat=True))
    sample = rng.sample(ids, min(5000, len(ids)))
    IndexOutbox.objects.bulk_create(IndexOutbox(target=IndexTarget.PAGE, target_id=pk, reason="bench") for pk in sample)
    started = time.perf_counter()
    while outbox_drain(limit=500).applied:
        pass
    drained = len(sample) / (time.perf_counter() - started)
    gateway_required().index_refresh()
    return {"pages": report.documents, "reindex_rates": runs, "outbox_rate": drained, "outbox_entries": len(sample)}


# -- part 2: latency at scale on synthetic documents -----------------------------------------------------


def synthetic_documents(count: int, rng: random.Random):
    from search.documents import fingerprint
    from search.indices import language_field

    start = dt.datetime(2018, 1, 1, tzinfo=dt.timezone.utc)
    for n in range(count):
        mission, language = n % 100, LANGUAGES[(n // 100) % len(LANGUAGES)]
        published = start + dt.timedelta(minutes=rng.randrange(9 * 365 * 24 * 60))
        document = {
            "page_id": 10_000_000 + n,
            "translation_key": f"synthetic-{n}",
            "page_type": "article",
            "kind": rng.choice(KINDS),
            "mission": f"mission-{mission:03d}",
            "mission_id": 1000 + mission,
            "mission_name": f"Mission {mission:03d}",
            "mission_kind": "embassy",
            "country": COUNTRIES[mission % len(COUNTRIES)],
            "region": REGIONS[mission % len(REGIONS)],
            "locale": language,
            language_field("title", language): sentence(rng, language, rng.randint(5, 9)),
            language_field("summary", language): sentence(rng, language, rng.randint(15, 25)),
            language_field("body", language): " ".join(sentence(rng, language, rng.randint(40, 70)) for _ in range(3)),
            "tags": sorted(rng.sample(TAGS, rng.randint(0, 3))),
            "topics": [],
            "first_published_at": published.isoformat(),
            "last_published_at": published.isoformat(),
            "year": published.year,
            "expire_at": None,
            "starts_at": None,
            "url_path": f"/network/mission-{mission:03d}/news/page-{n}/",
            "hero_image_id": None,
        }
        document["fingerprint"] = fingerprint(document)
        yield document


def modelsearch_document(template: dict, document: dict) -> dict:
    """The same synthetic page in the shape modelsearch indexes an ArticlePage (see its mapping's get_document)."""
    language = document["locale"]
    from search.indices import language_field

    title = document[language_field("title", language)]
    summary = document[language_field("summary", language)]
    page_id = document["page_id"]
    return dict(
        template, pk=str(page_id), id_filter=page_id, title=title, title_edgengrams=title, title_filter=title,
        first_published_at_filter=document["first_published_at"], last_published_at_filter=document["last_published_at"],
        translation_key_filter=document["translation_key"], _edgengrams=[title, summary],
        embassies_articlepage__summary=summary, embassies_articlepage__summary_edgengrams=summary,
        embassies_articlepage__body=[document[language_field("body", language)]],
        embassies_articlepage__mission_id_filter=document["mission_id"],
        embassies_articlepage__kind_filter=document["kind"],
        embassies_articlepage__tags=[{"name": tag} for tag in document["tags"]],
    )


def load_synthetic(*, count: int, rng: random.Random, modelsearch_backend, template: dict):
    from opensearchpy.helpers import bulk
    from tqdm import tqdm

    from embassies.models import ArticlePage
    from search.gateway import EngineSettings, SearchGateway, engine_settings
    from search.indices import content_index_body

    config = engine_settings()
    hub = SearchGateway(EngineSettings(**{**config.__dict__, "index_prefix": "bench-synthetic-"}))
    name = hub.index_create(body=content_index_body())
    hub.index_settings_put(name, {"refresh_interval": "-1"})
    ms_index = modelsearch_backend.get_index_for_model(ArticlePage)
    ms_index.reset()
    ms_index.add_model(ArticlePage)
    batch = []
    with tqdm(total=count, desc="Synthetic docs", unit="docs") as bar:
        for document in synthetic_documents(count, rng):
            batch.append(document)
            if len(batch) == 1000:
                _load_batch(hub, name, ms_index, template, batch, bulk)
                bar.update(len(batch))
                batch = []
        if batch:
            _load_batch(hub, name, ms_index, template, batch, bulk)
            bar.update(len(batch))
    hub.index_settings_put(name, {"refresh_interval": "1s"})
    hub.index_refresh(name)
    hub.alias_point(name)
    ms_index.refresh()
    return hub, name, ms_index


def _load_batch(hub, name, ms_index, template, batch, bulk):
    outcome = hub.bulk(index=name, upserts={str(d["page_id"]): d for d in batch})
    assert not outcome.failed, next(iter(outcome.failed.values()))
    actions = [{"_index": ms_index.name, "_id": str(d["page_id"]), "_source": modelsearch_document(template, d)} for d in batch]
    bulk(ms_index.es, actions, chunk_size=1000, request_timeout=120)


def measure_latency(*, docs: int, queries: int, rng: random.Random, url: str) -> dict:
    from django.test import override_settings
    from wagtail.search.backends import get_search_backend

    from embassies.models import ArticlePage
    from search.criteria import search_criteria
    from search.query import search_body
    from search.selectors import pages_search

    modelsearch = get_search_backend(
        "wagtail.search.backends.opensearch3", URLS=[url], INDEX_PREFIX="bench-modelsearch-", TIMEOUT=60
    )
    real_article = ArticlePage.objects.live().first()
    template = modelsearch.mapping_class(ArticlePage).get_document(real_article)
    hub, name, ms_index = load_synthetic(count=docs, rng=rng, modelsearch_backend=modelsearch, template=template)

    def random_query():
        """One to three words of one language, from the topical middle of its vocabulary (ranks 5–600)."""
        language = rng.choice(LANGUAGES)
        vocabulary = words(language)[5:600]
        return " ".join(rng.sample(vocabulary, rng.choice([1, 1, 2, 2, 3]))), language

    filters = [{}, {}, {"locales": None}, {"missions": None}, {"published_from": "2023-01-01", "published_to": "2024-12-31"}]
    mixed = []
    for _ in range(queries):
        text, language = random_query()
        chosen = dict(rng.choice(filters))
        if "locales" in chosen:
            chosen["locales"] = [language]
        if "missions" in chosen:
            chosen["missions"] = [f"mission-{rng.randrange(100):03d}"]
        mixed.append({"q": text, **chosen})
    by_mission = [(random_query()[0], rng.randrange(100)) for _ in range(queries)]
    warmup = max(queries // 4, 50)
    wait_for_merges(hub.transport.client, name)
    wait_for_merges(ms_index.es, ms_index.name)
    series = {
        "hub engine: faceted + highlighted, mixed filters": (
            lambda params: hub.search(search_body(search_criteria(**params)), index=name), mixed
        ),
        "hub pages_search(): same queries, whole service call": (lambda params: pages_search(**params), mixed),
        "hub pages_search(): text + mission filter": (
            lambda item: pages_search(q=item[0], missions=[f"mission-{item[1]:03d}"]), by_mission
        ),
        "Wagtail search (modelsearch): text + mission filter": (
            lambda item: list(modelsearch.search(item[0], ArticlePage.objects.filter(mission_id=1000 + item[1]))[:20]),
            by_mission,
        ),
    }
    load_before = os.getloadavg()[0]
    with override_settings(HUB_SEARCH_INDEX_PREFIX="bench-synthetic-"):
        results = interleaved(series, warmup)
    load_after = os.getloadavg()[0]
    probe = hub.search({"query": {"match_all": {}}, "size": 0, "track_total_hits": True}, index=name)
    hub.index_delete(name)
    ms_index.delete()
    return {
        "documents": probe["hits"]["total"]["value"],
        "series": {label: percentiles(samples) for label, samples in results.items()},
        "load": (load_before, load_after),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--url", default=os.environ.get("HUB_SEARCH_URL", "http://127.0.0.1:9201"))
    parser.add_argument("--database-url", default="sqlite:////tmp/embassy-hub-search-bench.sqlite3")
    parser.add_argument("--pages", type=int, default=10_000, help="real pages to reindex (at least)")
    parser.add_argument("--missions", type=int, default=100, help="provisioned missions the real pages belong to")
    parser.add_argument("--docs", type=int, default=100_000, help="synthetic documents for the latency part")
    parser.add_argument("--queries", type=int, default=500, help="queries per series, the first quarter a warm-up")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    configure(args)

    from django.core.management import call_command

    rng = random.Random(args.seed)
    call_command("migrate", verbosity=0)
    build_real_pages(count=args.pages, missions=args.missions, rng=rng)
    indexing = measure_indexing(rng)
    latency = measure_latency(docs=args.docs, queries=args.queries, rng=rng, url=args.url)

    print(f"\nReindex through search_reindex(): {indexing['pages']} real pages; "
          + ", ".join(f"{rate:,.0f} pages/s" for rate in indexing["reindex_rates"]))
    print(f"Outbox drain: {indexing['outbox_entries']} page entries at {indexing['outbox_rate']:,.0f} pages/s")
    print(f"\nQuery latency at {latency['documents']:,} documents, {args.queries} queries per series (ms); "
          f"load average {latency['load'][0]:.1f} before, {latency['load'][1]:.1f} after:\n")
    print("| series | p50 | p95 | p99 | mean |\n| --- | ---: | ---: | ---: | ---: |")
    for label, numbers in latency["series"].items():
        print(f"| {label} | {numbers['p50']:.1f} | {numbers['p95']:.1f} | {numbers['p99']:.1f} | {numbers['mean']:.1f} |")


if __name__ == "__main__":
    main()
