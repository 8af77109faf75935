"""Embassy in Tokyo: Japanese first, with English translations."""

from ..missions import TOKYO
from ..spec import Notice, PageSpec, Version
from ..writing import call_to_action, facts, h2, image, p, quote, text, ul, video
from .consular import holiday_closure, passport_appointments, visa_notice
from .outreach import ask_the_head, film_week, scholarship_session

AMBASSADOR_JA = "マイケル・タン"
AMBASSADOR = "Michael Tan"

PAGES = [
    PageSpec(
        slug="typhoon-warning-kanto",
        section="consular",
        versions={
            "en": Version(
                title="Typhoon approaching the Kanto region",
                summary="A strong typhoon is forecast to pass close to Tokyo within 36 hours. Expect suspended trains and cancelled flights.",
                body=(
                    text(p("The Japan Meteorological Agency has issued heavy rain and storm warnings for Tokyo, Kanagawa, Chiba and "
                           "Shizuoka. Shinkansen and local train services may be suspended in advance."),
                         ul("Follow evacuation information from your city or ward office",
                            "Stay indoors during the storm and away from rivers and the coast",
                            "Check the JR and airline websites before travelling",
                            "Download the Safety tips app from the Japan Tourism Agency for alerts in English")),
                    facts("If you need help", f"Embassy 24-hour line: {TOKYO.contact['emergency_phone']}",
                          "Emergencies in Japan: 110 (police), 119 (fire and ambulance)"),
                ),
                share_x="🌀 Typhoon approaching Kanto within 36 hours: trains may be suspended in advance. Stay indoors and follow your ward's evacuation information.",
            ),
        },
        notice=Notice("travel_advisory", "warning", valid_from_days_ago=71, valid_for_days=4),
        topics=("consular-services",),
        tags=("typhoon", "travel advice"),
    ),
    PageSpec(
        slug="clean-hydrogen-research-partnership",
        section="news",
        versions={
            "ja": Version(
                title="クリーン水素の共同研究パートナーシップを開始",
                summary="両国の大学と企業12機関が、水電解の効率化と水素の輸送・貯蔵に関する5年間の共同研究に取り組みます。",
                body=(
                    text(p("本パートナーシップでは、再生可能エネルギー由来の水素を低コストで製造し、安全に輸送・貯蔵するための"
                           "技術開発を進めます。研究者の相互派遣や、若手研究者向けの合同サマースクールも実施します。"),
                         h2("主な研究テーマ"),
                         ul("高効率・長寿命の水電解装置", "アンモニアなど水素キャリアによる長距離輸送",
                            "港湾における水素利用の安全基準")),
                    image("tokyo-hydrogen", "共同研究パートナーシップのキービジュアル"),
                    quote("脱炭素化という共通の課題に、両国の技術と人材を結集して取り組みます。", AMBASSADOR_JA, "大使"),
                    facts("パートナーシップの概要", "期間：5年間", "参加機関：大学7、企業5", "研究者の相互派遣：年間20名"),
                ),
                share_x="💧 クリーン水素の共同研究がスタート！両国の大学・企業12機関が、水電解の効率化と水素の輸送・貯蔵に5年間取り組みます。",
            ),
            "en": Version(
                title="Clean hydrogen research partnership launched",
                summary="Twelve universities and companies from both countries begin five years of joint research on electrolysis and hydrogen transport and storage.",
                body=(
                    text(p("The partnership will develop technology to produce hydrogen from renewable power at lower cost and to "
                           "transport and store it safely, with researcher exchanges and a joint summer school."),
                         ul("Efficient, durable electrolysers", "Long-distance transport with carriers such as ammonia",
                            "Safety standards for hydrogen in ports")),
                    image("tokyo-hydrogen", "Key visual of the research partnership."),
                    quote("We are pooling our technology and talent to meet the shared challenge of decarbonisation.",
                          AMBASSADOR, "Ambassador to Japan"),
                    facts("At a glance", "Five years", "7 universities and 5 companies", "20 researcher exchanges a year"),
                ),
                share_x="💧 A clean hydrogen research partnership: 12 universities and companies, 5 years, from electrolysis to safe storage.",
            ),
        },
        topics=("climate", "trade", "education"),
        tags=("hydrogen", "research", "decarbonisation"),
        hero="tokyo-hydrogen",
        published_days_ago=188,
    ),
    PageSpec(
        slug="official-line-account",
        section="news",
        versions={
            "ja": Version(
                title="大使館公式LINEアカウントを開設しました",
                summary="査証、留学、イベントの最新情報をLINEでお届けします。友だち追加で、領事部へのお問い合わせも可能です。",
                body=(
                    text(p("日本で最も利用されているメッセージアプリ「LINE」に、大使館の公式アカウントを開設しました。"
                           "査証手続きの変更、奨学金の募集、文化イベントのご案内などをいち早くお届けします。"),
                         h2("公式アカウントでできること"),
                         ul("査証・休館日などのお知らせの受け取り", "領事部へのお問い合わせ（2営業日以内に回答）",
                            "イベントや説明会への参加登録"),
                         p("大使館がLINEで送金や個人情報の入力を求めることはありません。なりすましアカウントにご注意ください。")),
                    call_to_action("LINEで友だち追加する", "https://line.me/R/ti/p/@embassytokyo"),
                ),
                share_x="📱 大使館公式LINEアカウントを開設しました！査証・留学・イベント情報をお届けします。友だち追加はこちらから。",
            ),
            "en": Version(
                title="The embassy opens an official LINE account",
                summary="Visa, study and event news on Japan's most popular messaging app, and a direct line to the consular section.",
                body=(
                    text(p("The embassy now has an official account on LINE, the messaging app most people in Japan use every day."),
                         ul("Visa and closure notices", "Questions to the consular section, answered within two working days",
                            "Registration for events and information sessions"),
                         p("The embassy will never ask for money or personal data on LINE. Beware of fake accounts.")),
                    call_to_action("Add the embassy on LINE", "https://line.me/R/ti/p/@embassytokyo"),
                ),
                share_x="📱 The embassy is now on LINE: visa, study and event news, and questions to the consular section.",
            ),
        },
        topics=("digital-diplomacy",),
        tags=("line", "social media"),
        published_days_ago=402,
    ),
    PageSpec(
        slug="online-press-briefing-economic-partnership",
        section="news",
        kind="press_briefing",
        versions={
            "ja": Version(
                title="大使によるオンライン記者会見：経済連携とデジタル分野の協力",
                summary="マイケル・タン大使が、経済連携協定の見直し交渉とデジタル貿易のルールづくりについて記者の質問に答えました。",
                body=(
                    text(p("記者会見はバーチャル・プレスセンターから配信され、日本の主要報道機関など18社が参加しました。"),
                         h2("主なポイント"),
                         ul("経済連携協定の見直し交渉は年内に第3回会合を開催予定",
                            "データの越境移転とサイバーセキュリティに関する共同作業部会を設置",
                            "中小企業向けのデジタル貿易支援窓口を両国に開設")),
                    video("https://www.youtube.com/watch?v=Jp5wK8cN2rT", "オンライン記者会見（録画）", "日本語字幕付き"),
                    call_to_action("会見録を読む", "https://press.mfa.example/tokyo/briefings"),
                ),
                share_x="🎙️ タン大使のオンライン記者会見：経済連携協定の見直し、データの越境移転、中小企業のデジタル貿易支援について。",
            ),
            "en": Version(
                title="Online press briefing by the ambassador: economic partnership and digital cooperation",
                summary="Ambassador Michael Tan answered questions on the review of the economic partnership agreement and rules for digital trade.",
                body=(
                    text(p("The briefing was streamed from the virtual press centre; eighteen media organisations took part."),
                         ul("Third round of the partnership review before the end of the year",
                            "A joint working group on cross-border data and cybersecurity",
                            "Digital trade help desks for small businesses in both countries")),
                    video("https://www.youtube.com/watch?v=Jp5wK8cN2rT", "Online press briefing (recording)", "Japanese with English subtitles."),
                    call_to_action("Read the transcript", "https://press.mfa.example/tokyo/briefings"),
                ),
                share_x="🎙️ Ambassador Tan's online briefing: economic partnership review, cross-border data and digital trade for small firms.",
            ),
        },
        topics=("press", "trade", "digital-diplomacy"),
        tags=("press briefing", "digital trade"),
        published_days_ago=23,
    ),
    PageSpec(
        slug="youth-exchange-2027-recruitment",
        section="news",
        versions={
            "ja": Version(
                title="2027年度 青少年交流プログラム 参加者募集",
                summary="18歳から25歳の方を対象に、2週間の交流プログラムの参加者を募集します。渡航費・滞在費は大使館が負担します。",
                body=(
                    text(p("テーマは「気候変動と地域づくり」です。現地の高校生・大学生との共同プロジェクト、自治体訪問、"
                           "ホームステイを予定しています。")),
                    call_to_action("募集要項を見る", "https://events.mfa.example/tokyo/youth-2027"),
                ),
                share_x="✈️ 2027年度青少年交流プログラムの参加者を募集します！対象は18～25歳、渡航費・滞在費は大使館負担です。",
            ),
        },
        topics=("education",),
        tags=("youth", "exchange"),
        published_days_ago=3,
    ),
    PageSpec(
        slug="earthquake-preparedness",
        section="consular",
        versions={
            "en": Version(
                title="Earthquake preparedness for citizens living in Japan",
                summary="Japan has frequent earthquakes. Prepare an emergency kit, know your evacuation site and register with the embassy.",
                body=(
                    text(p("Most earthquakes in Japan cause no damage, but a large one can strike at any time. Buildings are "
                           "built to strict standards; what matters most is knowing what to do in the first minutes."),
                         h2("Prepare now"),
                         ul("Keep water, food and medicines for three days", "Find your nearest evacuation site on your ward's map",
                            "Fix heavy furniture to the walls", "Register your address and phone number with the embassy"),
                         h2("When the shaking starts"),
                         p("Drop, cover and hold on. Stay away from windows. Near the coast, move to high ground at once after "
                           "strong shaking, without waiting for a tsunami warning.")),
                    facts("Useful contacts", f"Embassy 24-hour line: {TOKYO.contact['emergency_phone']}",
                          "Disaster message dial: 171", "NHK World-Japan broadcasts emergency news in English"),
                ),
                share_x="Living in Japan? Prepare for earthquakes: a 3-day kit, your evacuation site, furniture fixed to walls. After strong shaking on the coast, go to high ground.",
            ),
        },
        notice=Notice("emergency", "information", valid_from_days_ago=470),
        topics=("consular-services",),
        tags=("earthquake", "preparedness"),
    ),
    visa_notice(TOKYO, languages=("ja", "en"), centre="〒105-0001 東京都港区虎ノ門3-2-2 5階", days=10, days_ago=320),
    passport_appointments(TOKYO, weeks=4, days_ago=280),
    film_week(
        TOKYO, languages=("ja", "en"), partners={"ja": "国立映画アーカイブ", "en": "the National Film Archive of Japan"},
        starts_in_days=18, address="〒104-0031 東京都中央区京橋3-7-6", hero="tokyo-film",
    ),
    ask_the_head(TOKYO, languages=("ja", "en"), starts_in_days=-88, hour=19, facebook="EmbassyTokyo.MFA"),
    scholarship_session(
        TOKYO, languages=("ja", "en"), universities={"ja": "上智大学 四谷キャンパス", "en": "Sophia University, Yotsuya campus"},
        address="〒102-8554 東京都千代田区紀尾井町7-1", starts_in_days=30, recording="https://www.youtube.com/watch?v=Tj2pV6rK8mH",
    ),
    holiday_closure(TOKYO, holiday="year-end", languages=("ja", "en")),
]
