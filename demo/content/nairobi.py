"""Embassy in Nairobi: English only; development cooperation, innovation and consular advice."""

from ..missions import NAIROBI
from ..spec import Event, Notice, PageSpec, Version
from ..writing import call_to_action, facts, gallery, h2, image, infographic, p, quote, text, ul, video
from .consular import holiday_closure, passport_appointments, visa_notice
from .outreach import ask_the_head, film_week, scholarship_session

AMBASSADOR = "Jonathan Reeve"

PAGES = [
    PageSpec(
        slug="youth-digital-skills-programme",
        section="news",
        versions={
            "en": Version(
                title="10,000 young Kenyans to learn coding, data and design",
                summary="A three-year programme with Kenyan tech hubs and universities trains young people in digital skills, half of them young women.",
                body=(
                    text(p("The programme, run with four tech hubs in Nairobi, Kisumu, Mombasa and Eldoret, offers six-month "
                           "courses in software development, data analysis and product design, followed by paid internships."),
                         h2("Who can apply"),
                         ul("Kenyans aged 18 to 29 with a secondary school certificate",
                            "No previous coding experience required", "Laptops and data bundles provided during the course")),
                    image("nairobi-skills", "The programme's key visual."),
                    quote("Kenya's young people are already building the future of African technology. We want more of them "
                          "to have the chance.", AMBASSADOR, "Ambassador to Kenya"),
                    facts("The programme", "10,000 participants over three years", "At least 50% young women",
                          "1,500 paid internships with partner companies"),
                    call_to_action("Apply for the next intake", "https://events.mfa.example/nairobi/digital-skills"),
                ),
                share_x="💻 10,000 young Kenyans will learn coding, data and design with tech hubs in Nairobi, Kisumu, Mombasa and Eldoret. Half the places for young women.",
                share_linkedin=("We are proud to launch a three-year digital skills programme with Kenyan tech hubs and universities: "
                                "10,000 young people, at least half of them women, and 1,500 paid internships."),
            ),
        },
        topics=("education", "digital-diplomacy"),
        tags=("digital skills", "youth"),
        hero="nairobi-skills",
        published_days_ago=258,
    ),
    PageSpec(
        slug="climate-smart-agriculture-in-numbers",
        section="news",
        kind="infographic",
        versions={
            "en": Version(
                title="Climate-smart agriculture: 41,000 farmers trained",
                summary="The partnership with Kenya's agriculture ministry has trained 41,000 smallholder farmers in drought-resistant practices since 2022.",
                body=(
                    text(p("Farmers learn to use drought-tolerant seed, conserve soil moisture and read seasonal forecasts sent "
                           "by text message. Yields in pilot counties have risen by a quarter despite two failed rainy seasons.")),
                    infographic(
                        "nairobi-agriculture-numbers",
                        ("Bar chart: smallholder farmers trained in climate-smart practices, cumulative. 2022: 3,000. "
                         "2023: 12,500. 2024: 27,000. 2025: 41,000. Source: partnership monitoring reports."),
                        "Farmers trained, 2022–2025.",
                    ),
                    facts("Results", "Average yields up 26% in pilot counties", "62% of trained farmers are women",
                          "Forecasts by SMS reach 90,000 households"),
                ),
                share_x="🌱 41,000 Kenyan farmers trained in climate-smart agriculture since 2022; yields up 26% in pilot counties despite drought.",
            ),
        },
        topics=("climate", "trade"),
        tags=("infographic", "agriculture", "climate adaptation"),
        hero="nairobi-agriculture-numbers",
        published_days_ago=57,
    ),
    PageSpec(
        slug="long-rains-flooding-advice",
        section="consular",
        versions={
            "en": Version(
                title="Flooding during the long rains",
                summary="Heavy rain has caused flooding in Nairobi and several counties. Avoid travel on flooded roads and check before visiting national parks.",
                body=(
                    text(p("The Kenya Meteorological Department forecasts continued heavy rain. Roads in parts of Nairobi and to "
                           "the Maasai Mara and Amboseli have been cut by floodwater."),
                         ul("Do not attempt to cross flooded roads or rivers, even in a four-wheel drive",
                            "Check with your lodge or tour operator before travelling to parks",
                            "Follow the Kenya Red Cross and county governments for updates")),
                    facts("Help", f"Embassy 24-hour line: {NAIROBI.contact['emergency_phone']}", "Kenya Red Cross: 1199"),
                ),
                share_x="⚠️ Flooding in Nairobi and several counties during the long rains. Don't cross flooded roads; check with lodges before visiting parks.",
            ),
        },
        notice=Notice("travel_advisory", "warning", valid_from_days_ago=213, valid_for_days=21),
        topics=("consular-services", "climate"),
        tags=("flooding", "travel advice"),
    ),
    PageSpec(
        slug="innovation-week-start-up-pavilion",
        section="events",
        versions={
            "en": Version(
                title="Nairobi Innovation Week: meet fifteen start-ups at our pavilion",
                summary="Fifteen start-ups in health, agriculture and financial technology present their work and look for Kenyan partners.",
                body=(
                    text(p("Visit the pavilion to meet founders working on mobile health records, satellite crop monitoring and "
                           "remittances, and join the pitch session on the second day, streamed live."),
                         ul("Day 1: pavilion open, one-to-one meetings", "Day 2, 14:00: pitch session and awards",
                            "Day 3: workshop on investing across borders")),
                    video("https://www.youtube.com/watch?v=Nw8tK3pL5xQ", "Last year's pitch session (recording)"),
                    call_to_action("Book a meeting with a start-up", "https://events.mfa.example/nairobi/innovation-week"),
                ),
                share_x="🚀 Nairobi Innovation Week: meet 15 start-ups in health, agritech and fintech at our pavilion. Pitch session streamed live on day 2.",
            ),
        },
        event=Event(15, 9, 0, duration_hours=24 * 2 + 8, venue="Kenyatta International Convention Centre (KICC)",
                    address="Harambee Avenue, Nairobi", online_url="https://www.youtube.com/live/Nw8tK3pL5xQ",
                    registration_url="https://events.mfa.example/nairobi/innovation-week"),
        topics=("trade", "digital-diplomacy"),
        tags=("start-ups", "innovation"),
        hero="nairobi-skills",
    ),
    PageSpec(
        slug="community-rangers-photo-story",
        section="news",
        kind="photo_story",
        versions={
            "en": Version(
                title="Photo story: the community rangers of the Maasai Mara",
                summary="Sixty young rangers from local communities have completed their training. We spent a week on patrol with them.",
                body=(
                    text(p("The conservancies around the Maasai Mara employ rangers from the communities that own the land. "
                           "The programme we fund trains them in wildlife monitoring, first aid and conflict resolution.")),
                    gallery("A week with the rangers", ("nairobi-rangers-1", "A patrol sets out at dawn."),
                            ("nairobi-rangers-2", "The training camp at dusk.")),
                    quote("When the community protects the wildlife, the wildlife protects the community's future.",
                          "Sankau Lemayian", "Senior ranger"),
                ),
                share_x="📸 A week on patrol with the community rangers of the Maasai Mara: 60 young rangers, trained and now protecting their land.",
            ),
        },
        topics=("climate", "culture"),
        tags=("photo story", "wildlife", "conservation"),
        hero="nairobi-rangers-1",
        published_days_ago=129,
    ),
    PageSpec(
        slug="demonstrations-advice",
        section="consular",
        versions={
            "en": Version(
                title="Demonstrations in Nairobi: avoid the central business district",
                summary="Demonstrations are expected in Nairobi and other cities. Avoid crowds and follow the advice of local authorities.",
                body=(
                    text(p("Protests can turn violent quickly; police have used tear gas and water cannon. Roads into the city "
                           "centre may be closed at short notice."),
                         ul("Avoid the central business district and gatherings", "Keep your passport or a copy with you",
                            "Monitor local media and allow extra time for journeys to the airport")),
                ),
                share_x="Demonstrations expected in Nairobi: avoid the CBD and crowds, carry ID, and allow extra time to reach the airport.",
            ),
        },
        notice=Notice("travel_advisory", "advisory", valid_from_days_ago=158, valid_for_days=3),
        topics=("consular-services",),
        tags=("demonstrations", "travel advice"),
    ),
    PageSpec(
        slug="women-agribusiness-export-training",
        section="news",
        kind="press_release",
        versions={
            "en": Version(
                title="Forty women-led agribusinesses prepare to export",
                summary="Producers of avocados, macadamia nuts, tea and cut flowers completed a six-month export readiness course.",
                body=(
                    text(p("The course covered food safety certification, packaging, pricing and finding buyers abroad. Twelve of "
                           "the businesses have already signed their first export contracts."),
                         p("A second cohort of forty businesses starts in January.")),
                    quote("Before the course I sold to middlemen at the farm gate. Now I have a buyer in Europe and I know my costs.",
                          "Grace Wambui", "Avocado grower, Murang'a"),
                ),
                share_x="🥑 40 women-led agribusinesses completed our export readiness course; 12 have already signed their first export contracts.",
            ),
        },
        topics=("trade",),
        tags=("agribusiness", "women", "exports"),
        published_days_ago=333,
    ),
    PageSpec(
        slug="digital-trade-dialogue",
        section="news",
        versions={
            "en": Version(
                title="First digital trade dialogue with Kenya",
                summary="Draft awaiting review: officials meet to discuss e-commerce, data protection and digital payments.",
                body=(text(p("Details of the agenda and participants will be added once confirmed by both sides.")),),
            ),
        },
        topics=("trade", "digital-diplomacy"),
        tags=("digital trade",),
        status="draft",
    ),
    visa_notice(NAIROBI, languages=("en",), centre="Visa application centre, 5th floor, Westlands Square, Nairobi", days=15,
                days_ago=295),
    passport_appointments(NAIROBI, weeks=6, days_ago=240),
    film_week(
        NAIROBI, languages=("en",), partners={"en": "the Nairobi National Museum"}, starts_in_days=45,
        address="Museum Hill, off Museum Hill Road, Nairobi", hero="nairobi-film",
    ),
    ask_the_head(NAIROBI, languages=("en",), starts_in_days=-15, hour=18, facebook="EmbassyNairobi.MFA"),
    scholarship_session(
        NAIROBI, languages=("en",), universities={"en": "the University of Nairobi"}, address="University Way, Nairobi",
        starts_in_days=-70, recording="https://www.youtube.com/watch?v=Ke3rD7nW1pZ",
    ),
    holiday_closure(NAIROBI, holiday="mashujaa", languages=("en",)),
]
