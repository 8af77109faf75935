"""The demo content's data files (demo/data/): what they hold, dates relative to the seeding day, and the errors
a mistake in them gives."""

import shutil
from datetime import date

import pytest

from demo.content import DATA, DemoDataError, demo_content


def test_data_files_describe_the_whole_network():
    content = demo_content()

    assert [mission.slug for mission in content.missions][:2] == ["hq", "hanoi"]
    assert len(content.missions) == 9
    assert sum(len(pages) for pages in content.pages.values()) == 107
    assert len(content.images) == 34 and len(content.documents) == 3
    assert {spec.username for spec in content.staff} >= {"admin", "reviewer.asia", "editor.hanoi"}
    files = {spec.file for spec in (*content.images, *content.documents)}
    on_disk = {str(path.relative_to(DATA)) for folder in ("images", "documents") for path in (DATA / folder).iterdir()}
    assert files == on_disk, "every asset file is used, and every asset has its file"


def test_holiday_closure_is_the_latest_one_that_has_ended():
    def closures(today):
        return [page for page in demo_content(today=today).pages["hanoi"] if page.slug.startswith("closure-tet-")]

    [in_december] = closures(date(2026, 12, 7))
    [in_march] = closures(date(2027, 3, 20))

    assert in_december.slug == "closure-tet-2026" and in_march.slug == "closure-tet-2027"
    assert "14/2" in in_december.versions["vi"].summary and "5/2" in in_march.versions["vi"].summary
    notice = in_march.notice
    assert notice.valid_from_days_ago - notice.valid_for_days >= 0, "the closure is over: an expired notice"


def test_yearly_occasions_count_days_from_the_seeding_day():
    def days_ago(today):
        pages = demo_content(today=today).pages["hq"]
        return next(page.published_days_ago for page in pages if page.slug == "statement-international-womens-day")

    assert days_ago(date(2027, 3, 9)) == 1
    assert days_ago(date(2027, 3, 7)) == 364


@pytest.fixture
def data_copy(tmp_path):
    shutil.copytree(DATA, tmp_path / "data")
    return tmp_path / "data"


def test_unknown_field_is_refused_with_file_and_page_named(data_copy):
    hanoi = data_copy / "hanoi.yaml"
    hanoi.write_text(hanoi.read_text().replace("  section: news\n", "  section: news\n  sectoin: news\n", 1))

    with pytest.raises(DemoDataError, match=r"hanoi\.yaml, pages\[0\] \(ambassador-presents-credentials\): unknown field\(s\) sectoin"):
        demo_content(data_dir=data_copy)


def test_image_named_in_a_body_must_exist(data_copy):
    hanoi = data_copy / "hanoi.yaml"
    hanoi.write_text(hanoi.read_text().replace("!image 'hanoi-mekong'", "!image 'hanoi-mekonk'", 1))

    with pytest.raises(DemoDataError, match="ImageRef 'hanoi-mekonk' is not in any data file"):
        demo_content(data_dir=data_copy)


def test_missing_asset_file_is_refused(data_copy):
    (data_copy / "images" / "hanoi-skyline.jpg").unlink()

    with pytest.raises(DemoDataError, match="hanoi.yaml, hanoi-skyline: no file images/hanoi-skyline.jpg"):
        demo_content(data_dir=data_copy)


def test_broken_yaml_is_refused_with_the_file_named(data_copy):
    (data_copy / "paris.yaml").write_text("mission: [unclosed\n")

    with pytest.raises(DemoDataError, match=r"^paris\.yaml: "):
        demo_content(data_dir=data_copy)
