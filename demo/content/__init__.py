"""What each mission of the demo network publishes, by mission slug."""

from . import cairo, geneva, hanoi, ho_chi_minh_city, hq, mexico_city, nairobi, paris, tokyo

PAGES = {
    "hq": hq.PAGES,
    "hanoi": hanoi.PAGES,
    "ho-chi-minh-city": ho_chi_minh_city.PAGES,
    "paris": paris.PAGES,
    "cairo": cairo.PAGES,
    "mexico-city": mexico_city.PAGES,
    "tokyo": tokyo.PAGES,
    "nairobi": nairobi.PAGES,
    "geneva-un": geneva.PAGES,
}
