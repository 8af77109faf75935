"""The demo network: headquarters and eight missions on four continents, topics, and staff accounts."""

from hub.roles import Role

from .spec import MissionSpec, StaffSpec


def _social(platform: str, handle: str, url: str, language_code: str = "") -> dict[str, str]:
    return {"platform": platform, "handle": handle, "url": url, "language_code": language_code}


HQ = MissionSpec(
    slug="hq",
    name="Ministry Headquarters",
    kind="hq",
    country="GB",
    city="London",
    region="europe",
    timezone="Europe/London",
    languages=("en",),
    contact={
        "email": "press.office@mfa.example",
        "phone": "+44 20 7946 0100",
        "address": "The Ministry Building\n1 Diplomatic Row\nLondon SW1A 1AA",
        "emergency_phone": "+44 20 7946 0999",
        "website": "https://www.mfa.example",
    },
    social_accounts=(
        _social("x", "@MFA_Press", "https://x.com/MFA_Press", "en"),
        _social("facebook", "MinistryForeignAffairs", "https://www.facebook.com/MinistryForeignAffairs", "en"),
        _social("youtube", "@MFAPressCentre", "https://www.youtube.com/@MFAPressCentre", "en"),
        _social("linkedin", "ministry-of-foreign-affairs", "https://www.linkedin.com/company/ministry-of-foreign-affairs", "en"),
        _social("instagram", "mfa.diplomacy", "https://www.instagram.com/mfa.diplomacy", "en"),
    ),
    in_city={"en": "in London"},
    office={"en": "the ministry"},
    head={"en": "Foreign Minister Alexandra Grant"},
)

HANOI = MissionSpec(
    slug="hanoi",
    name="Embassy in Hanoi",
    kind="embassy",
    country="VN",
    city="Hanoi",
    region="asia-pacific",
    timezone="Asia/Ho_Chi_Minh",
    languages=("vi", "en"),
    names={"vi": "Đại sứ quán tại Hà Nội"},
    contact={
        "email": "embassy.hanoi@mfa.example",
        "phone": "+84 24 3936 4500",
        "address": "Tầng 6, 63 Lý Thái Tổ\nQuận Hoàn Kiếm, Hà Nội",
        "emergency_phone": "+84 91 555 0140",
        "website": "https://hanoi.mfa.example",
    },
    social_accounts=(
        _social("facebook", "EmbassyHanoi.MFA", "https://www.facebook.com/EmbassyHanoi.MFA", "vi"),
        _social("zalo", "Đại sứ quán tại Hà Nội", "https://zalo.me/embassyhanoi", "vi"),
        _social("x", "@MFA_Hanoi", "https://x.com/MFA_Hanoi", "en"),
        _social("youtube", "@EmbassyHanoi", "https://www.youtube.com/@EmbassyHanoi", "vi"),
    ),
    in_city={"vi": "tại Hà Nội", "en": "in Hanoi"},
    office={"vi": "Đại sứ quán", "en": "the embassy"},
    head={"vi": "Đại sứ Catherine Morley", "en": "Ambassador Catherine Morley"},
)

HO_CHI_MINH_CITY = MissionSpec(
    slug="ho-chi-minh-city",
    name="Consulate-General in Ho Chi Minh City",
    kind="consulate_general",
    country="VN",
    city="Ho Chi Minh City",
    region="asia-pacific",
    timezone="Asia/Ho_Chi_Minh",
    languages=("vi", "en"),
    names={"vi": "Tổng Lãnh sự quán tại Thành phố Hồ Chí Minh"},
    contact={
        "email": "consulate.hcmc@mfa.example",
        "phone": "+84 28 3822 7100",
        "address": "Tầng 12, Saigon Centre, 65 Lê Lợi\nPhường Bến Nghé, Quận 1, TP. Hồ Chí Minh",
        "emergency_phone": "+84 90 555 0177",
        "website": "https://hcmc.mfa.example",
    },
    social_accounts=(
        _social("facebook", "ConsulateHCMC.MFA", "https://www.facebook.com/ConsulateHCMC.MFA", "vi"),
        _social("tiktok", "@consulate.hcmc", "https://www.tiktok.com/@consulate.hcmc", "vi"),
        _social("x", "@MFA_HCMC", "https://x.com/MFA_HCMC", "en"),
    ),
    in_city={"vi": "tại TP. Hồ Chí Minh", "en": "in Ho Chi Minh City"},
    office={"vi": "Tổng Lãnh sự quán", "en": "the consulate-general"},
    head={"vi": "Tổng Lãnh sự Daniel Hughes", "en": "Consul-General Daniel Hughes"},
)

PARIS = MissionSpec(
    slug="paris",
    name="Embassy in Paris",
    kind="embassy",
    country="FR",
    city="Paris",
    region="europe",
    timezone="Europe/Paris",
    languages=("fr", "en"),
    names={"fr": "Ambassade à Paris"},
    contact={
        "email": "ambassade.paris@mfa.example",
        "phone": "+33 1 53 83 40 00",
        "address": "24 rue de Tilsitt\n75008 Paris",
        "emergency_phone": "+33 6 55 50 01 20",
        "website": "https://paris.mfa.example",
    },
    social_accounts=(
        _social("x", "@MFA_Paris", "https://x.com/MFA_Paris", "fr"),
        _social("instagram", "ambassade.paris", "https://www.instagram.com/ambassade.paris", "fr"),
        _social("linkedin", "ambassade-paris", "https://www.linkedin.com/company/ambassade-paris", "fr"),
        _social("youtube", "@AmbassadeParis", "https://www.youtube.com/@AmbassadeParis", "fr"),
    ),
    in_city={"fr": "à Paris", "en": "in Paris"},
    office={"fr": "l'ambassade", "en": "the embassy"},
    head={"fr": "l'ambassadrice Eleanor Price", "en": "Ambassador Eleanor Price"},
)

CAIRO = MissionSpec(
    slug="cairo",
    name="Embassy in Cairo",
    kind="embassy",
    country="EG",
    city="Cairo",
    region="africa-middle-east",
    timezone="Africa/Cairo",
    languages=("ar", "en", "fr"),
    names={"ar": "السفارة في القاهرة", "fr": "Ambassade au Caire"},
    contact={
        "email": "embassy.cairo@mfa.example",
        "phone": "+20 2 2794 8800",
        "address": "15 Ahmed Ragheb Street\nGarden City, Cairo",
        "emergency_phone": "+20 100 555 0133",
        "website": "https://cairo.mfa.example",
    },
    social_accounts=(
        _social("facebook", "EmbassyCairo.MFA", "https://www.facebook.com/EmbassyCairo.MFA", "ar"),
        _social("x", "@MFA_Cairo_AR", "https://x.com/MFA_Cairo_AR", "ar"),
        _social("x", "@MFA_Cairo", "https://x.com/MFA_Cairo", "en"),
        _social("youtube", "@EmbassyCairo", "https://www.youtube.com/@EmbassyCairo", "ar"),
    ),
    in_city={"ar": "في القاهرة", "en": "in Cairo", "fr": "au Caire"},
    office={"ar": "السفارة", "en": "the embassy", "fr": "l'ambassade"},
    head={"ar": "السفير صامويل أديمي", "en": "Ambassador Samuel Adeyemi", "fr": "l'ambassadeur Samuel Adeyemi"},
)

MEXICO_CITY = MissionSpec(
    slug="mexico-city",
    name="Embassy in Mexico City",
    kind="embassy",
    country="MX",
    city="Mexico City",
    region="americas",
    timezone="America/Mexico_City",
    languages=("es", "en"),
    names={"es": "Embajada en la Ciudad de México"},
    contact={
        "email": "embajada.mexico@mfa.example",
        "phone": "+52 55 5242 8500",
        "address": "Paseo de la Reforma 350, piso 9\nCol. Juárez, 06600 Ciudad de México",
        "emergency_phone": "+52 55 5550 0190",
        "website": "https://mexico.mfa.example",
    },
    social_accounts=(
        _social("facebook", "EmbajadaMexico.MFA", "https://www.facebook.com/EmbajadaMexico.MFA", "es"),
        _social("x", "@MFA_Mexico", "https://x.com/MFA_Mexico", "es"),
        _social("instagram", "embajada.mx", "https://www.instagram.com/embajada.mx", "es"),
        _social("tiktok", "@embajada.mx", "https://www.tiktok.com/@embajada.mx", "es"),
    ),
    in_city={"es": "en la Ciudad de México", "en": "in Mexico City"},
    office={"es": "la embajada", "en": "the embassy"},
    head={"es": "la embajadora Laura Bennett", "en": "Ambassador Laura Bennett"},
)

TOKYO = MissionSpec(
    slug="tokyo",
    name="Embassy in Tokyo",
    kind="embassy",
    country="JP",
    city="Tokyo",
    region="asia-pacific",
    timezone="Asia/Tokyo",
    languages=("ja", "en"),
    names={"ja": "在東京大使館"},
    contact={
        "email": "embassy.tokyo@mfa.example",
        "phone": "+81 3 5412 6200",
        "address": "〒106-0032 東京都港区六本木1-4-5\n1-4-5 Roppongi, Minato-ku, Tokyo 106-0032",
        "emergency_phone": "+81 90 5550 0166",
        "website": "https://tokyo.mfa.example",
    },
    social_accounts=(
        _social("x", "@MFA_Tokyo_JA", "https://x.com/MFA_Tokyo_JA", "ja"),
        _social("line", "@embassytokyo", "https://line.me/R/ti/p/@embassytokyo", "ja"),
        _social("facebook", "EmbassyTokyo.MFA", "https://www.facebook.com/EmbassyTokyo.MFA", "ja"),
        _social("x", "@MFA_Tokyo", "https://x.com/MFA_Tokyo", "en"),
        _social("youtube", "@EmbassyTokyo", "https://www.youtube.com/@EmbassyTokyo", "ja"),
    ),
    in_city={"ja": "東京", "en": "in Tokyo"},
    office={"ja": "大使館", "en": "the embassy"},
    head={"ja": "マイケル・タン大使", "en": "Ambassador Michael Tan"},
)

NAIROBI = MissionSpec(
    slug="nairobi",
    name="Embassy in Nairobi",
    kind="embassy",
    country="KE",
    city="Nairobi",
    region="africa-middle-east",
    timezone="Africa/Nairobi",
    languages=("en",),
    contact={
        "email": "embassy.nairobi@mfa.example",
        "phone": "+254 20 555 1200",
        "address": "42 Riverside Drive\nWestlands, Nairobi",
        "emergency_phone": "+254 722 555 014",
        "website": "https://nairobi.mfa.example",
    },
    social_accounts=(
        _social("x", "@MFA_Nairobi", "https://x.com/MFA_Nairobi", "en"),
        _social("facebook", "EmbassyNairobi.MFA", "https://www.facebook.com/EmbassyNairobi.MFA", "en"),
        _social("linkedin", "embassy-nairobi", "https://www.linkedin.com/company/embassy-nairobi", "en"),
        _social("youtube", "@EmbassyNairobi", "https://www.youtube.com/@EmbassyNairobi", "en"),
    ),
    in_city={"en": "in Nairobi"},
    office={"en": "the embassy"},
    head={"en": "Ambassador Jonathan Reeve"},
)

GENEVA = MissionSpec(
    slug="geneva-un",
    name="Permanent Mission to the United Nations in Geneva",
    kind="permanent_mission",
    country="CH",
    city="Geneva",
    region="europe",
    timezone="Europe/Zurich",
    languages=("en", "fr"),
    names={"fr": "Mission permanente auprès des Nations Unies à Genève"},
    contact={
        "email": "mission.geneva@mfa.example",
        "phone": "+41 22 555 48 00",
        "address": "Chemin du Petit-Saconnex 28A\n1209 Genève",
        "website": "https://geneva.mfa.example",
    },
    social_accounts=(
        _social("x", "@MFA_UNGeneva", "https://x.com/MFA_UNGeneva", "en"),
        _social("linkedin", "mission-un-geneva", "https://www.linkedin.com/company/mission-un-geneva", "en"),
        _social("youtube", "@MissionUNGeneva", "https://www.youtube.com/@MissionUNGeneva", "en"),
    ),
    in_city={"en": "in Geneva", "fr": "à Genève"},
    office={"en": "the mission", "fr": "la mission"},
    head={"en": "Ambassador Aisha Rahman, Permanent Representative", "fr": "l'ambassadrice Aisha Rahman, représentante permanente"},
)

MISSIONS = (HQ, HANOI, HO_CHI_MINH_CITY, PARIS, CAIRO, MEXICO_CITY, TOKYO, NAIROBI, GENEVA)

# Policy topics, by slug, named in every demo language; the slug is shared by all translations.
TOPICS = {
    "digital-diplomacy": {
        "en": "Digital diplomacy", "vi": "Ngoại giao số", "fr": "Diplomatie numérique",
        "es": "Diplomacia digital", "ar": "الدبلوماسية الرقمية", "ja": "デジタル外交",
    },
    "consular-services": {
        "en": "Consular services", "vi": "Dịch vụ lãnh sự", "fr": "Services consulaires",
        "es": "Servicios consulares", "ar": "الخدمات القنصلية", "ja": "領事サービス",
    },
    "culture": {"en": "Culture", "vi": "Văn hóa", "fr": "Culture", "es": "Cultura", "ar": "الثقافة", "ja": "文化"},
    "trade": {
        "en": "Trade", "vi": "Thương mại", "fr": "Commerce", "es": "Comercio", "ar": "التجارة", "ja": "貿易・投資",
    },
    "climate": {
        "en": "Climate", "vi": "Khí hậu", "fr": "Climat", "es": "Clima", "ar": "المناخ", "ja": "気候変動",
    },
    "education": {
        "en": "Education", "vi": "Giáo dục", "fr": "Éducation", "es": "Educación", "ar": "التعليم", "ja": "教育",
    },
    "press": {
        "en": "Press", "vi": "Báo chí", "fr": "Presse", "es": "Prensa", "ar": "الصحافة", "ja": "報道",
    },
    "human-rights": {
        "en": "Human rights", "vi": "Quyền con người", "fr": "Droits humains", "es": "Derechos humanos",
        "ar": "حقوق الإنسان", "ja": "人権",
    },
}

TOPIC_DESCRIPTIONS = {
    "digital-diplomacy": "How missions use social media, online briefings and digital tools to reach people.",
    "consular-services": "Help for citizens abroad: passports, emergencies, travel advice; visas for visitors.",
    "culture": "Film weeks, concerts, exhibitions and exchanges between people.",
    "trade": "Trade missions, investment and business partnerships.",
    "climate": "Climate adaptation, clean energy and environmental cooperation.",
    "education": "Scholarships, university partnerships and study exchanges.",
    "press": "Press briefings, statements and the virtual press centre.",
    "human-rights": "Human rights, democracy and the rule of law.",
}

# Demo accounts only: these passwords are printed by `seed_demo` and must never reach a real server.
STAFF = (
    StaffSpec("admin", "demo-Admin-2026", "Demo", "Administrator", superuser=True),
    StaffSpec("hq.admin", "demo-HQ-2026", "Grace", "Okoye", role=Role.HQ_ADMINISTRATOR),
    StaffSpec("reviewer.asia", "demo-Asia-2026", "Minh", "Tran", role=Role.HQ_REVIEWER, region="asia-pacific"),
    StaffSpec("reviewer.europe", "demo-Europe-2026", "Claire", "Dubois", role=Role.HQ_REVIEWER, region="europe"),
    StaffSpec("editor.hanoi", "demo-Hanoi-2026", "Lan", "Nguyen", role=Role.MISSION_EDITOR, mission="hanoi"),
    StaffSpec("head.hanoi", "demo-HeadHanoi-2026", "Catherine", "Morley", role=Role.MISSION_HEAD, mission="hanoi"),
    StaffSpec("editor.paris", "demo-Paris-2026", "Julien", "Martin", role=Role.MISSION_EDITOR, mission="paris"),
    StaffSpec("editor.cairo", "demo-Cairo-2026", "Nour", "Hassan", role=Role.MISSION_EDITOR, mission="cairo"),
)
