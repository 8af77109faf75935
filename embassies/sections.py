"""The standard sections every mission (and HQ) starts with, titled in each content language."""

from dataclasses import dataclass

from hub.models import Mission


@dataclass(frozen=True)
class StandardSection:
    slug: str
    titles: dict[str, str]

    def title_in(self, language_code: str) -> str:
        return self.titles.get(language_code, self.titles["en"])


NEWS = StandardSection(
    "news",
    {
        "en": "News", "vi": "Tin tức", "fr": "Actualités", "es": "Noticias", "ar": "الأخبار",
        "zh-hans": "新闻", "ru": "Новости", "ja": "ニュース", "ko": "뉴스", "de": "Aktuelles",
        "pt": "Notícias", "hi": "समाचार",
    },
)
EVENTS = StandardSection(
    "events",
    {
        "en": "Events", "vi": "Sự kiện", "fr": "Événements", "es": "Eventos", "ar": "الفعاليات",
        "zh-hans": "活动", "ru": "Мероприятия", "ja": "イベント", "ko": "행사", "de": "Veranstaltungen",
        "pt": "Eventos", "hi": "कार्यक्रम",
    },
)
CONSULAR = StandardSection(
    "consular",
    {
        "en": "Consular services", "vi": "Dịch vụ lãnh sự", "fr": "Services consulaires",
        "es": "Servicios consulares", "ar": "الخدمات القنصلية", "zh-hans": "领事服务",
        "ru": "Консульские услуги", "ja": "領事サービス", "ko": "영사 서비스", "de": "Konsularische Dienste",
        "pt": "Serviços consulares", "hi": "कांसुलर सेवाएँ",
    },
)
PRESS_BRIEFINGS = StandardSection(
    "press-briefings",
    {
        "en": "Press briefings", "vi": "Họp báo", "fr": "Points de presse", "es": "Ruedas de prensa",
        "ar": "الإحاطات الصحفية", "zh-hans": "新闻发布会", "ru": "Брифинги", "ja": "記者会見",
        "ko": "정례 브리핑", "de": "Pressebriefings", "pt": "Briefings de imprensa", "hi": "प्रेस वार्ता",
    },
)
STATEMENTS = StandardSection(
    "statements",
    {
        "en": "Spokesperson statements", "vi": "Tuyên bố của Người phát ngôn",
        "fr": "Déclarations du porte-parole", "es": "Declaraciones del portavoz", "ar": "بيانات المتحدث الرسمي",
        "zh-hans": "发言人声明", "ru": "Заявления официального представителя", "ja": "報道官声明",
        "ko": "대변인 성명", "de": "Erklärungen der Sprecherin", "pt": "Declarações do porta-voz",
        "hi": "प्रवक्ता के वक्तव्य",
    },
)


def sections_for(mission: Mission) -> list[StandardSection]:
    """HQ's spokesperson and every mission's press conferences both need a press-briefings section."""
    if mission.is_hq:
        return [NEWS, PRESS_BRIEFINGS, STATEMENTS]
    return [NEWS, EVENTS, CONSULAR, PRESS_BRIEFINGS]
