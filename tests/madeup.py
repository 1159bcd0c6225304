"""A made-up news article the reading tests dress in one shape or another (Markdown, one minified line, ...)."""

MENU = ["Home", "World", "Politics", "Business", "Science", "Sport", "Culture", "Opinion"]
TITLE = "Council votes to extend the tram network"
PROSE = [
    "The city council voted on Tuesday to expand the tram network to the northern districts, a plan that "
    "residents had asked for since the line closed in 1998.",
    "Construction is expected to start next spring and to last about three years, according to the "
    "transport department, which will publish the route in March.",
    "Opponents argue that the money would be better spent on buses, which can serve more streets for the "
    "same price, and they plan to collect signatures for a referendum before the summer.",
    "The mayor said the decision was the most important one of her term and that the first trams would "
    "run before the next election, if the courts do not stop the works.",
]
