"""All of an agency's content, one attribute per topic file under content/."""

from collections.abc import Iterator

from pydantic import BaseModel, ConfigDict

from .evidence import Document
from .measures import Measures
from .organisation import Agency, Contact, Executives, Structure
from .procurement import Procurement
from .topics import Complaints, Ethics, NoGift, Plans, Risks, Services, Topic

# file stem → model; the stem is also the attribute of Content and the `topic`
# that catalog rules name.
TOPIC_FILES: dict[str, type[BaseModel]] = {
    "agency": Agency,
    "structure": Structure,
    "executives": Executives,
    "contact": Contact,
    "news": Topic,
    "laws": Topic,
    "privacy": Topic,
    "plans": Plans,
    "manuals": Topic,
    "services": Services,
    "procurement": Procurement,
    "hr": Plans,
    "complaints": Complaints,
    "participation": Topic,
    "no_gift": NoGift,
    "risk": Risks,
    "anti_corruption": Plans,
    "ethics": Ethics,
}


class Content(BaseModel):
    """The loaded content. Topic files that do not exist are empty topics."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    agency: Agency
    structure: Structure = Structure()
    executives: Executives = Executives()
    contact: Contact = Contact()
    news: Topic = Topic()
    laws: Topic = Topic()
    privacy: Topic = Topic()
    plans: Plans = Plans()
    manuals: Topic = Topic()
    services: Services = Services()
    procurement: Procurement = Procurement()
    hr: Plans = Plans()
    complaints: Complaints = Complaints()
    participation: Topic = Topic()
    no_gift: NoGift = NoGift()
    risk: Risks = Risks()
    anti_corruption: Plans = Plans()
    ethics: Ethics = Ethics()
    measures: dict[int, Measures] = {}  # content/measures/<year>.yml, by assessment year

    def documents(self) -> Iterator[Document]:
        """Every document of every topic."""
        for name in TOPIC_FILES:
            yield from getattr(getattr(self, name), "documents", [])
