"""Headquarters: the ministry's news, weekly online press briefings and spokesperson statements (English)."""

from ..spec import PageSpec, Version
from ..writing import (
    call_to_action,
    days_since,
    document,
    facts,
    gallery,
    h2,
    image,
    infographic,
    p,
    quote,
    text,
    ul,
    video,
)

MINISTER = "Alexandra Grant"
SPOKESPERSON = "Tom Whitaker"
PRESS_CENTRE = "https://press.mfa.example"


def _briefing(slug: str, days_ago: int, title: str, summary: str, points: tuple[str, ...], video_id: str, topics: tuple[str, ...]) -> PageSpec:
    """A weekly online press briefing: what was announced, the recording and the transcript link."""
    return PageSpec(
        slug=slug,
        section="press-briefings",
        kind="press_briefing",
        versions={
            "en": Version(
                title=title,
                summary=summary,
                body=(
                    text(p(f"Spokesperson {SPOKESPERSON} held the weekly online press briefing from the virtual press centre. "
                           "Journalists took part from the briefing room and by video link; questions were also taken in writing."),
                         h2("Main points"), ul(*points)),
                    video(f"https://www.youtube.com/watch?v={video_id}", title[:150], "Full recording with captions.", poster="hq-press-centre"),
                    call_to_action("Read the transcript in the virtual press centre", f"{PRESS_CENTRE}/briefings/{slug}"),
                ),
                share_x=f"Today's online press briefing with Spokesperson {SPOKESPERSON}: {summary}",
            )
        },
        topics=("press", *topics),
        tags=("press briefing", "spokesperson"),
        published_days_ago=days_ago,
    )


def _statement(slug: str, days_ago: int, title: str, summary: str, paragraphs: tuple[str, ...], topics: tuple[str, ...], **extra) -> PageSpec:
    return PageSpec(
        slug=slug,
        section="statements",
        kind="statement",
        versions={
            "en": Version(
                title=title,
                summary=summary,
                body=(text(*(p(paragraph) for paragraph in paragraphs)),),
                share_x=f"Statement by the Spokesperson: {title}",
                share_linkedin=summary,
            )
        },
        topics=topics,
        tags=("statement", "spokesperson"),
        published_days_ago=days_ago,
        **extra,
    )


PAGES = [
    PageSpec(
        slug="digital-diplomacy-strategy-2025-2028",
        section="news",
        kind="press_release",
        versions={
            "en": Version(
                title="Ministry launches its Digital Diplomacy Strategy 2025–2028",
                summary=("The strategy commits every mission to publish in the languages of the people it serves, to move "
                         "consular services online first, and to open a virtual press centre for journalists worldwide."),
                body=(
                    text(p(f"Foreign Minister {MINISTER} today presented the ministry's Digital Diplomacy Strategy for 2025–2028 "
                           "to heads of mission gathered in the capital and, by video link, to staff in 112 missions."),
                         p("The strategy sets out how the network will use digital tools to explain policy, help citizens abroad "
                           "and listen to the public in the countries where it works."),
                         h2("Five commitments"),
                         ul("Publish in local languages on the platforms people actually use",
                            "Put consular services online first, from appointments to payment and tracking",
                            "Open a virtual press centre with live briefings and a searchable archive",
                            "Train every communications officer to respond to disinformation quickly and openly",
                            "Make every image, video and document accessible")),
                    image("hq-strategy", "The strategy's key visual: a network of missions, people and platforms."),
                    quote("Diplomacy now happens in public, in real time and in many languages. Our missions must be present "
                          "where conversations take place, and they must be trustworthy when they are.", MINISTER, "Foreign Minister"),
                    facts("The strategy in numbers", "112 missions publishing in 38 languages",
                          "1.2 million consular requests handled online last year", "4.6 million followers across official accounts",
                          "Target: every video captioned by the end of 2026"),
                    document("hq-strategy-summary", description="Four-page summary for partners and the press"),
                ),
                share_x=("Our Digital Diplomacy Strategy 2025–2028 is out: local languages everywhere, consular services online "
                         "first, a virtual press centre and accessible content by default. #DigitalDiplomacy"),
                share_linkedin=("Today we launched the Digital Diplomacy Strategy 2025–2028. It commits all 112 missions to publish "
                                "in the languages of the people they serve, to move consular services online first and to open a "
                                "virtual press centre for journalists worldwide."),
            )
        },
        topics=("digital-diplomacy", "press"),
        tags=("strategy", "digital diplomacy"),
        hero="hq-strategy",
        published_days_ago=412,
    ),
    PageSpec(
        slug="virtual-press-centre-opens",
        section="news",
        versions={
            "en": Version(
                title="Virtual press centre opens to accredited journalists worldwide",
                summary=("Journalists can now follow briefings live, ask questions by video link and search every transcript, "
                         "statement and photo released by the ministry since 2020."),
                body=(
                    text(p("The virtual press centre brings together the weekly online press briefings, spokesperson statements, "
                           "background notes and a photo library cleared for editorial use."),
                         p("Accredited journalists receive a personal login. Those without accreditation can watch briefings "
                           "live and read all public material without registering."),
                         h2("What is new"),
                         ul("Live captions in English, French, Spanish and Arabic",
                            "Questions by video link, with a queue visible to all participants",
                            "Transcripts published within two hours of each briefing",
                            "Alerts by e-mail or messaging app for statements on the topics you follow")),
                    image("hq-press-centre", "The briefing room from which online briefings are streamed."),
                    video("https://www.youtube.com/watch?v=Vp7nC2x9LqE", "A two-minute tour of the virtual press centre",
                          "Captioned tour for journalists."),
                    call_to_action("Request accreditation", f"{PRESS_CENTRE}/accreditation"),
                ),
                share_x=("Journalists: the virtual press centre is open. Live briefings with captions, questions by video link, "
                         "transcripts within two hours. Request accreditation: https://press.mfa.example"),
            )
        },
        topics=("press", "digital-diplomacy"),
        tags=("virtual press centre", "media"),
        hero="hq-press-centre",
        published_days_ago=371,
    ),
    PageSpec(
        slug="online-consular-services-in-numbers",
        section="news",
        kind="infographic",
        versions={
            "en": Version(
                title="Online consular services in numbers",
                summary="Requests handled online by the network grew almost sixfold in five years, to 1.2 million in 2025.",
                body=(
                    text(p("Citizens abroad now book appointments, renew passports and register births online in most "
                           "countries. The chart shows how quickly that change has happened.")),
                    infographic(
                        "hq-consular-numbers",
                        ("Bar chart: online consular requests handled by the network each year. 2021: 210,000. 2022: 380,000. "
                         "2023: 640,000. 2024: 910,000. 2025: 1.2 million. Source: Consular Directorate, annual figures."),
                        "Online consular requests, 2021–2025.",
                    ),
                    facts("Behind the numbers", "71% of passport renewals abroad now start online",
                          "Average wait for an appointment down from 19 to 6 working days",
                          "The 24-hour emergency line still answers every call in person"),
                ),
                share_x="Online consular requests: 210,000 in 2021, 1.2 million in 2025. Appointments, passports and registrations, from anywhere.",
            )
        },
        topics=("consular-services", "digital-diplomacy"),
        tags=("infographic", "consular", "statistics"),
        hero="hq-consular-numbers",
        published_days_ago=48,
    ),
    PageSpec(
        slug="climate-abroad-campaign-results",
        section="news",
        versions={
            "en": Version(
                title="#ClimateAbroad: 94 missions, one campaign, 12 million people reached",
                summary=("The network's first coordinated social media campaign showed local climate projects in 31 languages "
                         "and reached 12 million people in six weeks."),
                body=(
                    text(p("Each mission filmed one climate project it supports, from mangrove planting in the Mekong Delta to "
                           "solar mini-grids in northern Kenya, and published it in its own languages with the same hashtag."),
                         p("HQ supplied templates, music cleared for every platform and captioning; missions chose the stories."),
                         h2("What worked"),
                         ul("Short vertical videos with captions outperformed photos by four to one",
                            "Posts in local languages drew three times the comments of English posts",
                            "Replies from mission staff within an hour kept conversations civil")),
                    image("hq-climate-card", "The campaign card shared by all missions."),
                    quote("The best post of the campaign was filmed on a phone by a young officer in Nairobi. Authenticity beats "
                          "production values.", "Priya Raman", "Head of Digital Communications"),
                ),
                share_x="#ClimateAbroad reached 12 million people in 6 weeks: 94 missions, 31 languages, real local projects. Thank you to everyone who shared.",
                share_facebook=("Six weeks, 94 missions, 31 languages: #ClimateAbroad showed the climate projects our network supports, "
                                "told by the people who run them. Thank you for watching, sharing and asking questions."),
            )
        },
        topics=("climate", "digital-diplomacy"),
        tags=("social media", "campaign", "climate"),
        hero="hq-climate-card",
        published_days_ago=233,
    ),
    PageSpec(
        slug="year-in-pictures",
        section="news",
        kind="photo_story",
        versions={
            "en": Version(
                title="A year of diplomacy in pictures",
                summary="From a Lunar New Year reception in Hanoi to rangers at dawn in the Maasai Mara: our missions' year in eight photographs.",
                body=(
                    text(p("Every December we ask missions for the one picture that tells their year. These are some of the "
                           "photographs they sent.")),
                    gallery("The network's year", ("hq-network-map", "Lights of the network: 112 missions, one ministry."),
                            ("hq-strategy", "Launch of the Digital Diplomacy Strategy."),
                            ("hq-press-centre", "The first briefing from the virtual press centre.")),
                    text(p("The photographs are available to media under editorial licence from the virtual press centre.")),
                ),
                share_x="Our missions' year in pictures: receptions, rangers, film weeks and a new press centre. 📸",
            )
        },
        topics=("digital-diplomacy", "culture"),
        tags=("photo story", "year in review"),
        hero="hq-network-map",
        published_days_ago=days_since(12, 18),
    ),
    PageSpec(
        slug="video-a-night-on-the-emergency-line",
        section="news",
        kind="video_story",
        versions={
            "en": Version(
                title="Video: a night on the consular emergency line",
                summary="A lost passport in Lima, a hospital in Bali, a missed flight in Nairobi: we followed the duty team through one night shift.",
                body=(
                    video("https://www.youtube.com/watch?v=Em5nT2qL7vR", "A night on the consular emergency line",
                          "Six minutes, with captions and an audio-described version.", poster="hq-network-map"),
                    text(p("Every night, a team of six consular officers answers calls from citizens in trouble anywhere in the "
                           "world. Most calls are about lost documents and missed flights; a few are about the worst day of "
                           "someone's life."),
                         p("The film was made with the consent of every caller whose story is told, and their names have been changed.")),
                    facts("One night in numbers", "212 calls answered", "9 languages spoken",
                          "3 hospital visits arranged by missions", "1 emergency passport issued before dawn"),
                ),
                share_x="📹 212 calls, 9 languages, one night: follow our consular duty team as they help citizens in trouble around the world.",
                share_facebook=("What happens when you call the emergency line at 3 a.m.? We followed our consular duty team "
                                "through one night shift. Watch the six-minute film, with captions and audio description."),
            )
        },
        topics=("consular-services", "digital-diplomacy"),
        tags=("video", "consular", "emergency line"),
        hero="hq-network-map",
        published_days_ago=87,
    ),
    PageSpec(
        slug="minister-speech-digital-diplomacy-forum",
        section="news",
        kind="speech",
        versions={
            "en": Version(
                title="“Trust is our most valuable platform”: the Foreign Minister at the Digital Diplomacy Forum",
                summary="The Foreign Minister set out why diplomats must answer disinformation with openness, speed and local languages.",
                body=(
                    text(p("Check against delivery."),
                         p("Thank you for the invitation. Ten years ago, a ministry's website was a noticeboard. Today, the "
                           "first place most people meet our country is a thirty-second video in their own language, shared "
                           "by a friend."),
                         p("That is an opportunity and a responsibility. When we are wrong, we are wrong in public; when we "
                           "are slow, someone else fills the silence. So we have decided three things."),
                         h2("Openness, speed, languages"),
                         p("First, we publish the facts we have as soon as we can stand behind them, and we correct ourselves "
                           "in the same place and the same tone. Second, our missions are trusted to answer locally, without "
                           "waiting for the capital. Third, we speak to people in their languages, not only in ours.")),
                    quote("Trust is our most valuable platform. It takes years to build and one careless post to lose.",
                          MINISTER, "Foreign Minister"),
                    video("https://www.youtube.com/watch?v=Qm4Lr8tZ2wA", "Keynote at the Digital Diplomacy Forum", "Captions in four languages."),
                ),
                share_x="“Trust is our most valuable platform.” Foreign Minister Grant at the #DigitalDiplomacy Forum on openness, speed and local languages.",
                share_linkedin="Read the Foreign Minister's keynote at the Digital Diplomacy Forum: why openness, speed and local languages matter.",
            )
        },
        topics=("digital-diplomacy", "press"),
        tags=("speech", "minister", "disinformation"),
        published_days_ago=298,
    ),
    PageSpec(
        slug="scholarships-2027-open",
        section="news",
        kind="press_release",
        versions={
            "en": Version(
                title="Scholarship programme opens for 2027–2028 applications",
                summary="Two hundred fully funded master's scholarships are open to graduates in 140 countries; missions hold information sessions this autumn.",
                body=(
                    text(p("The ministry's scholarship programme funds one-year master's degrees at 30 partner universities. "
                           "It covers tuition, return flights, a living allowance and a pre-departure course."),
                         ul("200 scholarships, in any subject", "Applicants need two years of work experience",
                            "Selection by panels in each region, including alumni")),
                    call_to_action("Check eligibility and apply", "https://scholarships.mfa.example"),
                ),
                share_x="🎓 200 fully funded master's scholarships for 2027–2028 are open. Any subject, 30 universities, 140 countries eligible.",
            )
        },
        topics=("education",),
        tags=("scholarships", "study abroad"),
        published_days_ago=62,
    ),
    PageSpec(
        slug="human-rights-annual-report",
        section="news",
        kind="press_release",
        versions={
            "en": Version(
                title="Annual report on human rights and democracy published",
                summary="The report sets out the ministry's priorities, the projects it funded and its statements at the United Nations over the past year.",
                body=(
                    text(p("The report covers freedom of expression online, equality and non-discrimination, and the ministry's "
                           "work at the Human Rights Council and the General Assembly."),
                         p("It is published in English, with summaries in French, Spanish and Arabic.")),
                    image("hq-human-rights", "Cover of this year's report."),
                    document("hq-human-rights-report", description="Summary of the report (PDF)"),
                ),
                share_x="Our annual report on human rights and democracy is out: 37 projects for free expression online, 41 statements at the UN.",
            )
        },
        topics=("human-rights",),
        tags=("report", "human rights"),
        hero="hq-human-rights",
        published_days_ago=156,
    ),
    PageSpec(
        slug="guidelines-mission-social-media",
        section="news",
        versions={
            "en": Version(
                title="New guidelines for missions' social media accounts",
                summary="Draft for review: how missions open, run, archive and close official accounts, and who may post.",
                body=(text(p("The guidelines replace the 2019 handbook. They cover account ownership, two-factor "
                             "authentication, crisis communication, archiving and accessibility.")),),
            )
        },
        topics=("digital-diplomacy",),
        tags=("guidelines", "social media"),
        status="draft",
    ),
    PageSpec(
        slug="emergency-line-24-7-network-wide",
        section="news",
        versions={
            "en": Version(
                title="One emergency number for citizens abroad, around the clock",
                summary="From next month, citizens in distress anywhere in the world reach the same 24-hour line, answered in eight languages.",
                body=(text(p("The consular contact centre will answer calls for all missions outside office hours, with "
                             "interpreters in eight languages and direct escalation to duty officers.")),),
            )
        },
        topics=("consular-services",),
        tags=("emergency", "consular"),
        status="scheduled",
        go_live_in_days=9,
    ),
    _briefing(
        "briefing-climate-finance", 19,
        "Online press briefing: climate finance for the year ahead",
        "The Spokesperson outlined the ministry's climate finance commitments and answered questions on adaptation funding.",
        ("New pledge to the adaptation fund, focused on small island states",
         "Missions in Asia and Africa to co-host investor roundtables on clean energy",
         "Questions on loss and damage, deforestation and carbon markets"),
        "Ck2pW7nR4sY", ("climate",),
    ),
    _briefing(
        "briefing-summer-travel", days_since(7, 2),
        "Online press briefing: consular support during the summer travel season",
        "Record numbers of citizens are travelling this summer; the Spokesperson set out how to get help abroad.",
        ("Register trips in the travel app to receive alerts", "Check passport validity six months before travel",
         "The 24-hour emergency line answers in person, every day"),
        "Hs8dK3vB1mQ", ("consular-services",),
    ),
    _briefing(
        "briefing-virtual-press-centre", 370,
        "First briefing from the virtual press centre",
        "Journalists from 41 countries joined the first live briefing streamed from the new virtual press centre.",
        ("Accreditation now open to journalists worldwide", "Live captions in four languages",
         "Transcripts within two hours of every briefing"),
        "Tz5mN9qR2kD", ("digital-diplomacy",),
    ),
    _briefing(
        "briefing-trade-missions-calendar", 205,
        "Online press briefing: trade missions for the year ahead",
        "The Spokesperson presented twelve trade missions led by ministers, with a focus on clean energy and digital services.",
        ("Twelve ministerial trade missions, six in Asia and the Pacific",
         "Clean energy, digital services and education as priority sectors",
         "Small firms can apply to join delegations until the end of the month"),
        "Rf3xL6wP8nJ", ("trade",),
    ),
    _statement(
        "statement-world-press-freedom-day", days_since(5, 3),
        "World Press Freedom Day",
        "On World Press Freedom Day, the ministry honours journalists who risk their lives to inform the public.",
        ("On World Press Freedom Day we honour the journalists who were killed, imprisoned or harassed over the past year "
         "for doing their work.",
         "A free press is the foundation of accountable government. We call on all states to release journalists detained "
         "for their reporting and to investigate attacks against them.",
         "Through the Media Freedom Coalition, we will continue to fund legal support and safety training for reporters."),
        ("human-rights", "press"),
    ),
    _statement(
        "statement-universal-access-to-information", days_since(9, 28, years_back=1),
        "International Day for Universal Access to Information",
        "An open, free and secure internet is a condition for the right to seek, receive and impart information.",
        ("On the International Day for Universal Access to Information, we recall that access to information is a human "
         "right, online as offline.",
         "Internet shutdowns, the blocking of independent media and the surveillance of journalists undermine that right. "
         "We will keep working with partners for an open, free and secure internet, including through the Global Digital "
         "Compact and our programmes for digital skills and for the safety of journalists online."),
        ("digital-diplomacy", "human-rights"),
    ),
    _statement(
        "statement-international-womens-day", days_since(3, 8),
        "International Women's Day",
        "The ministry reaffirms its commitment to gender equality in its own ranks and in its foreign policy.",
        ("On International Women's Day we reaffirm our commitment to gender equality, at home and abroad.",
         "Today 46% of our heads of mission are women, up from 29% ten years ago. We will continue to fund women's "
         "organisations and to defend sexual and reproductive health and rights in multilateral negotiations."),
        ("human-rights",),
    ),
    _statement(
        "statement-world-refugee-day", days_since(6, 20),
        "World Refugee Day",
        "On World Refugee Day, the ministry announces additional support for countries hosting large refugee populations.",
        ("Today we stand with the 120 million people forced from their homes by conflict, persecution and disaster.",
         "Most refugees are hosted by neighbouring countries with limited resources. We are increasing our support to host "
         "communities for education and livelihoods, and we call for fair sharing of responsibility."),
        ("human-rights",),
    ),
    _statement(
        "statement-cybersecurity-draft", 0,
        "Draft: statement on a cyber attack against hospital networks",
        "Draft prepared for clearance; not for publication.",
        ("We condemn the cyber attack against hospital networks that disrupted emergency care this week.",),
        ("human-rights", "digital-diplomacy"),
        status="draft",
    ),
]
