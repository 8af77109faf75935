"""A demo network for Embassy Hub: missions, multilingual content, drawn images and staff accounts.

`demo.services.demo_seed` builds it (the `seed_demo` management command is its front door);
everything it writes is found again by stable keys, so running it twice changes nothing.
"""
