"""The images and documents of the demo network, each in the collection of the mission that made it."""

from functools import partial

from . import images as draw
from .spec import DocumentSpec, ImageSpec

SQUARE = (1080, 1080)
DIGITAL_TEAM = "Illustration: Digital Communications Unit / Ministry"

IMAGES = (
    # Headquarters
    ImageSpec(
        "hq-strategy", "hq", "Digital Diplomacy Strategy 2025–2028 – key visual",
        "Connected nodes in blue and white on a dark blue background.",
        "The strategy's key visual: a network of missions, people and platforms.", DIGITAL_TEAM,
        partial(draw.network, background=("#0b2545", "#13315c"), line="#8da9c4", node="#eef4ed", seed="strategy"),
    ),
    ImageSpec(
        "hq-press-centre", "hq", "Virtual press centre – briefing room",
        "An empty lectern in front of a dark blue backdrop with a pattern of gold rings.",
        "The briefing room from which the weekly online press briefings are streamed.",
        "Photo: Press Office / Ministry", partial(draw.podium, backdrop="#1d3557", accent="#e9c46a"),
    ),
    ImageSpec(
        "hq-consular-numbers", "hq", "Online consular services in numbers – infographic",
        "Bar chart of online consular requests, rising from 210,000 in 2021 to 1.2 million in 2025.",
        "Online consular requests handled by the network, 2021–2025.", DIGITAL_TEAM,
        partial(
            draw.bar_chart, title="Online consular services keep growing", subtitle="Requests handled online, in thousands",
            bars=(("2021", 210), ("2022", 380), ("2023", 640), ("2024", 910), ("2025", 1200)), unit="k",
            source="Source: Consular Directorate, annual figures", colours=("#2a9d8f", "#e76f51"),
        ),
        size=SQUARE, file_format="PNG",
    ),
    ImageSpec(
        "hq-climate-card", "hq", "#ClimateAbroad campaign card",
        "Green card with the words 'Every mission, every country: climate action starts here' and the hashtag ClimateAbroad.",
        "Campaign card shared by 94 missions.", DIGITAL_TEAM,
        partial(
            draw.social_card, headline="Every mission, every country: climate action starts here",
            hashtag="#ClimateAbroad", background=("#1b4332", "#2d6a4f"), accent="#b7e4c7",
        ),
        size=SQUARE, file_format="PNG",
    ),
    ImageSpec(
        "hq-human-rights", "hq", "Annual human rights report – cover",
        "Horizontal stripes in deep blue, white and gold with a round emblem in the centre.",
        "Cover of the annual report on human rights and democracy.", DIGITAL_TEAM,
        partial(draw.stripes, colours=("#14213d", "#fca311", "#14213d"), emblem="#1d4e89"),
    ),
    ImageSpec(
        "hq-network-map", "hq", "The network at night – illustration",
        "Glowing points of light of different colours on a dark background.",
        "Illustration for the year-in-pictures photo story.", DIGITAL_TEAM,
        partial(draw.lights, background=("#03045e", "#0077b6"), colours=("#90e0ef", "#caf0f8", "#ffb703"), seed="network-night"),
    ),
    # Hanoi
    ImageSpec(
        "hanoi-skyline", "hanoi", "Hanoi skyline at dusk",
        "Silhouettes of Hanoi buildings against an orange evening sky with a low red sun.",
        "Hanoi at dusk.", "Photo: Nguyen Thu Trang / Embassy in Hanoi",
        partial(draw.skyline, sky=("#f6bd60", "#f28482"), buildings="#3d405b", sun="#e63946", seed="hanoi"),
    ),
    ImageSpec(
        "hanoi-mekong", "hanoi", "Mekong Delta waterways",
        "Green and brown river channels under a pale morning sky.",
        "Waterways of the Mekong Delta, where the adaptation project works with farming communities.",
        "Photo: Le Van Minh / Embassy in Hanoi",
        partial(draw.waves, sky=("#e9f5db", "#cfe1b9"), water=("#97a97c", "#718355", "#87986a", "#b5c99a"), sun="#fefae0"),
        licence="cc-by", licence_notes="CC BY 4.0 – credit 'Le Van Minh / Embassy in Hanoi'.",
    ),
    ImageSpec(
        "hanoi-tet-lanterns", "hanoi", "Lunar New Year lanterns at the residence",
        "Red and gold lanterns glowing against a dark red background.",
        "Lanterns in the garden of the residence for the Lunar New Year reception.",
        "Photo: Pham Quoc Anh / Embassy in Hanoi",
        partial(draw.lights, background=("#370617", "#6a040f"), colours=("#e85d04", "#ffba08", "#d00000"), seed="tet"),
    ),
    ImageSpec(
        "hanoi-tet-calligraphy", "hanoi", "Calligraphy corner at the Lunar New Year reception",
        "Gold and red triangular pattern reminiscent of festive paper decorations.",
        "Guests wrote New Year wishes with a calligrapher from the Temple of Literature.",
        "Photo: Pham Quoc Anh / Embassy in Hanoi",
        partial(draw.mosaic, colours=("#9d0208", "#dc2f02", "#faa307", "#ffba08"), seed="calligraphy"),
    ),
    ImageSpec(
        "hanoi-trade-numbers", "hanoi", "Trade with Viet Nam in numbers – infographic",
        "Bar chart of two-way trade rising from 4.1 billion dollars in 2021 to 6.8 billion in 2025.",
        "Two-way trade in goods and services, 2021–2025.", "Graphic: Trade Section / Embassy in Hanoi",
        partial(
            draw.bar_chart, title="Two-way trade with Viet Nam", subtitle="Goods and services, USD billion",
            bars=(("2021", 4.1), ("2022", 4.9), ("2023", 5.3), ("2024", 6.2), ("2025", 6.8)), unit="",
            source="Source: national statistics offices", colours=("#264653", "#e76f51"),
        ),
        size=SQUARE, file_format="PNG",
    ),
    ImageSpec(
        "hanoi-film", "hanoi", "Film week 2025 – key visual",
        "A strip of cinema film with coloured frames on a deep teal background.",
        "Key visual of the film week in Hanoi.", DIGITAL_TEAM,
        partial(draw.film_strip, background="#005f73", frames=("#ee9b00", "#ca6702", "#94d2bd", "#e9d8a6")),
    ),
    # Ho Chi Minh City
    ImageSpec(
        "hcmc-skyline", "ho-chi-minh-city", "Ho Chi Minh City riverside",
        "Tall towers along a river under a purple evening sky.",
        "The Saigon riverside, home to most of the companies in the trade delegation.",
        "Photo: Tran Bao Chau / Consulate-General in Ho Chi Minh City",
        partial(draw.skyline, sky=("#7b2cbf", "#ff9e00"), buildings="#240046", sun="#ffd60a", seed="hcmc"),
    ),
    ImageSpec(
        "hcmc-concert", "ho-chi-minh-city", "Jazz evening at the Saigon Opera House",
        "Warm stage lights in amber and blue.",
        "The quartet on stage at the Saigon Opera House.",
        "Photo: Tran Bao Chau / Consulate-General in Ho Chi Minh City",
        partial(draw.lights, background=("#10002b", "#3c096c"), colours=("#ff9e00", "#4cc9f0", "#f72585"), seed="jazz"),
        licence="editorial", licence_notes="Editorial use only; the musicians' agreement covers news use.",
    ),
    # Paris
    ImageSpec(
        "paris-exhibition", "paris", "Horizons – photo exhibition poster",
        "Blue, sand and coral triangles forming an abstract landscape.",
        "Poster of the exhibition 'Horizons: coastlines in a changing climate'.",
        "Design: Atelier Sillage for the Embassy in Paris",
        partial(draw.mosaic, colours=("#023047", "#219ebc", "#8ecae6", "#ffb703", "#fb8500"), seed="horizons", tile=120),
        licence="restricted", licence_notes="Licensed for the exhibition campaign only.",
    ),
    ImageSpec(
        "paris-ocean", "paris", "Atlantic coastline research station",
        "Deep blue waves beneath a grey-blue sky.",
        "The Atlantic coast, where the joint ocean observation programme installs its buoys.",
        "Photo: Julien Martin / Embassy in Paris",
        partial(draw.waves, sky=("#caf0f8", "#90e0ef"), water=("#0077b6", "#023e8a", "#03045e")),
    ),
    ImageSpec(
        "paris-film", "paris", "Semaine du cinéma – visuel",
        "A strip of cinema film with red and cream frames on a dark blue background.",
        "Key visual of the film week in Paris.", DIGITAL_TEAM,
        partial(draw.film_strip, background="#14213d", frames=("#e63946", "#f1faee", "#a8dadc", "#457b9d")),
    ),
    # Cairo
    ImageSpec(
        "cairo-nile", "cairo", "The Nile at sunset",
        "Gold and brown water under an orange sky with a setting sun.",
        "The Nile near Cairo; the water and climate seminar looked at the river's future.",
        "Photo: Omar Farouk / Embassy in Cairo",
        partial(draw.waves, sky=("#ffb703", "#fb8500"), water=("#bc6c25", "#9c6644", "#7f5539"), sun="#fff1c1"),
    ),
    ImageSpec(
        "cairo-concert", "cairo", "Oud and strings concert",
        "Soft lights in gold and turquoise on a dark background.",
        "The oud and string ensemble at the Cairo Opera House small hall.",
        "Photo: Omar Farouk / Embassy in Cairo",
        partial(draw.lights, background=("#001219", "#005f73"), colours=("#ee9b00", "#94d2bd", "#e9d8a6"), seed="oud"),
    ),
    ImageSpec(
        "cairo-heritage-1", "cairo", "Heritage restoration workshop – tiles",
        "Turquoise, cobalt and sand-coloured triangular tiles.",
        "Tile patterns recorded by conservation students before restoration.",
        "Photo: Mariam Adel / Embassy in Cairo",
        partial(draw.mosaic, colours=("#0a9396", "#005f73", "#e9d8a6", "#ee9b00"), seed="heritage-1", tile=70),
    ),
    ImageSpec(
        "cairo-heritage-2", "cairo", "Heritage restoration workshop – courtyard",
        "Sand and terracotta triangles suggesting an old courtyard.",
        "The courtyard of the historic house used as the workshop's classroom.",
        "Photo: Mariam Adel / Embassy in Cairo",
        partial(draw.mosaic, colours=("#bb3e03", "#ca6702", "#e9d8a6", "#f4f1de"), seed="heritage-2", tile=110),
    ),
    # Mexico City
    ImageSpec(
        "mexico-altar", "mexico-city", "Día de Muertos altar at the residence",
        "Orange marigold-like circles and candle lights on a deep purple background.",
        "The ofrenda prepared with artists from Oaxaca for the Day of the Dead exhibition.",
        "Foto: Daniela Ruiz / Embajada en la Ciudad de México",
        partial(draw.lights, background=("#3c096c", "#5a189a"), colours=("#ff9100", "#ffb700", "#ff6d00"), seed="ofrenda"),
    ),
    ImageSpec(
        "mexico-energy", "mexico-city", "Solar park in Sonora",
        "Rows of sun-lit panels suggested by blue and gold stripes.",
        "A solar park in Sonora visited by the clean-energy trade mission.",
        "Foto: Daniela Ruiz / Embajada en la Ciudad de México",
        partial(draw.stripes, colours=("#003566", "#ffc300", "#003566", "#ffc300", "#003566"), emblem="#ffd60a", vertical=True),
    ),
    ImageSpec(
        "mexico-film", "mexico-city", "Semana de cine – imagen",
        "A strip of cinema film with magenta, orange and turquoise frames on a deep purple background.",
        "Key visual of the film week in Mexico City.", DIGITAL_TEAM,
        partial(draw.film_strip, background="#3c096c", frames=("#f72585", "#ff9e00", "#4cc9f0", "#fefae0")),
    ),
    # Tokyo
    ImageSpec(
        "tokyo-skyline", "tokyo", "Tokyo skyline at night",
        "Dark blue towers with lit windows under a violet sky and a pale moon.",
        "Tokyo at night.", "Photo: Sato Haruka / Embassy in Tokyo",
        partial(draw.skyline, sky=("#03045e", "#7209b7"), buildings="#10002b", sun="#f1faee", seed="tokyo"),
    ),
    ImageSpec(
        "tokyo-hydrogen", "tokyo", "Hydrogen partnership – key visual",
        "Network of white and teal nodes on a deep green background.",
        "Key visual of the clean hydrogen research partnership.", DIGITAL_TEAM,
        partial(draw.network, background=("#004b23", "#007200"), line="#80ed99", node="#f1faee", seed="hydrogen"),
    ),
    ImageSpec(
        "tokyo-film", "tokyo", "映画週間 – key visual",
        "A strip of cinema film with pink and white frames on a navy background.",
        "Key visual of the film week in Tokyo.", DIGITAL_TEAM,
        partial(draw.film_strip, background="#22223b", frames=("#ffafcc", "#f2e9e4", "#cdb4db", "#a2d2ff")),
    ),
    # Nairobi
    ImageSpec(
        "nairobi-skills", "nairobi", "Youth digital skills programme",
        "Orange and white connected nodes on a dark brown background.",
        "Key visual of the youth digital skills programme.", "Design: iHub Studio for the Embassy in Nairobi",
        partial(draw.network, background=("#3d2b1f", "#6f4518"), line="#ffb703", node="#fefae0", seed="skills"),
    ),
    ImageSpec(
        "nairobi-agriculture-numbers", "nairobi", "Climate-smart agriculture in numbers – infographic",
        "Bar chart of farmers trained, rising from 3,000 in 2022 to 41,000 in 2025.",
        "Farmers trained in climate-smart practices by the partnership, 2022–2025.",
        "Graphic: Development Section / Embassy in Nairobi",
        partial(
            draw.bar_chart, title="Climate-smart farming reaches more families", subtitle="Farmers trained, cumulative",
            bars=(("2022", 3000), ("2023", 12500), ("2024", 27000), ("2025", 41000)), unit="",
            source="Source: partnership monitoring reports", colours=("#606c38", "#dda15e"),
        ),
        size=SQUARE, file_format="PNG",
    ),
    ImageSpec(
        "nairobi-film", "nairobi", "Film week – key visual",
        "A strip of cinema film with green, gold and red frames on a dark green background.",
        "Key visual of the film week in Nairobi.", DIGITAL_TEAM,
        partial(draw.film_strip, background="#1b4332", frames=("#ffd166", "#ef476f", "#06d6a0", "#f8f9fa")),
    ),
    ImageSpec(
        "nairobi-rangers-1", "nairobi", "Rangers at dawn in the Maasai Mara",
        "Golden grassland layers under a pale orange sky with a rising sun.",
        "Community rangers begin a patrol at dawn.", "Photo: Wanjiru Kamau / Embassy in Nairobi",
        partial(draw.waves, sky=("#ffddd2", "#f4a261"), water=("#e9c46a", "#d4a373", "#bc6c25"), sun="#fff3b0"),
        licence="cc-by-sa", licence_notes="CC BY-SA 4.0.",
    ),
    ImageSpec(
        "nairobi-rangers-2", "nairobi", "Ranger training camp",
        "Skyline-like silhouettes of tents and acacia shapes against an evening sky.",
        "The training camp where the new rangers completed their course.",
        "Photo: Wanjiru Kamau / Embassy in Nairobi",
        partial(draw.skyline, sky=("#ffcdb2", "#e5989b"), buildings="#6d597a", sun="#ffb4a2", seed="camp"),
    ),
    # Geneva
    ImageSpec(
        "geneva-council", "geneva-un", "Human Rights Council – plenary session",
        "Vertical stripes in blue and white with a round emblem.",
        "The mission's statement at the Human Rights Council.", "Photo: Mission to the UN in Geneva",
        partial(draw.stripes, colours=("#0353a4", "#f8f9fa", "#0353a4"), emblem="#006daa", vertical=True),
    ),
    ImageSpec(
        "geneva-lake", "geneva-un", "Lake Geneva in the morning",
        "Calm blue water beneath a light sky with soft mountains suggested by the horizon.",
        "Lake Geneva, seen from the Palais des Nations.", "Photo: Mission to the UN in Geneva",
        partial(draw.waves, sky=("#e0fbfc", "#c2dfe3"), water=("#9db4c0", "#5c6b73", "#253237")),
    ),
)

DOCUMENTS = (
    DocumentSpec(
        "hq-strategy-summary", "hq", "Digital Diplomacy Strategy 2025–2028 – summary (PDF)",
        "Digital Diplomacy Strategy 2025–2028",
        (
            "Summary for partners and the press.",
            "1. Every mission publishes in the languages of the people it serves, on the platforms they use.",
            "2. Consular help goes online first: appointments, forms, payment and tracking from any device.",
            "3. A virtual press centre gives accredited journalists worldwide live briefings and a searchable archive.",
            "4. Staff are trained to counter disinformation with facts, quickly and in the open.",
            "5. Accessibility is a requirement: text alternatives for every image and captions for every video.",
        ),
        credit="Ministry of Foreign Affairs",
    ),
    DocumentSpec(
        "hq-human-rights-report", "hq", "Annual report on human rights and democracy – summary (PDF)",
        "Human rights and democracy: annual report",
        (
            "This summary presents the ministry's priorities and results over the past year.",
            "Freedom of expression online: support for 37 projects protecting journalists and human rights defenders.",
            "Equality: funding for 19 organisations working against discrimination and gender-based violence.",
            "Multilateral work: 41 statements delivered at the Human Rights Council and the General Assembly.",
        ),
        credit="Human Rights Department",
    ),
    DocumentSpec(
        "hanoi-visa-checklist", "hanoi", "Visa application checklist – Viet Nam (PDF)",
        "Visa application checklist",
        (
            "Passport valid for at least six months after your planned departure, with two blank pages.",
            "Printed confirmation of your online application and the payment receipt.",
            "One recent photograph, 4 x 6 cm, white background (taken again at the centre if unsuitable).",
            "Bank statements for the last three months, or a sponsor's letter with their statements.",
            "Proof of the purpose of your visit: invitation, hotel booking or university admission letter.",
            "Translations into English of documents in other languages.",
        ),
        credit="Consular Section, Embassy in Hanoi",
    ),
)
