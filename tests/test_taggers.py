"""The faster embedding loading, word ids and convolutional encoder must give natasha's own numbers."""

import numpy as np
import pytest

from kzcli.analysis.taggers import CNNEncoder, WordIds, quantised_embedding


@pytest.fixture(scope="module")
def natasha_models():
    """natasha's embedding and its three taggers' slovnet inference objects, as natasha loads them."""
    from natasha import NewsEmbedding, NewsMorphTagger, NewsNERTagger, NewsSyntaxParser

    embedding = NewsEmbedding()
    return embedding, [tagger(embedding).infer for tagger in (NewsMorphTagger, NewsNERTagger, NewsSyntaxParser)]


def test_cnn_encoder_gives_slovnets_output_for_padded_batches(natasha_models):
    rng = np.random.default_rng(7)
    for encoder in (infer.model.encoder for infer in natasha_models[1]):
        channels = encoder.layers[0].conv.weight.shape[1]
        batch = rng.standard_normal((3, 6, channels)).astype(np.float32)
        pad_mask = np.array([[False] * 6, [False] * 4 + [True] * 2, [False] + [True] * 5])
        expected = encoder(batch.copy(), pad_mask)
        assert CNNEncoder.fits(encoder)
        result = CNNEncoder(encoder)(batch, pad_mask)
        assert result.shape == expected.shape
        np.testing.assert_allclose(result, expected, rtol=1e-4, atol=1e-4)
        assert not result[1, 4:].any() and not result[2, 1:].any()  # padding stays zero for the heads


def test_quantised_embedding_holds_natashas_vectors(natasha_models):
    natasha_embedding, ours = natasha_models[0], quantised_embedding()
    assert ours.meta.id == natasha_embedding.meta.id
    np.testing.assert_array_equal(ours.pq.indexes, natasha_embedding.pq.indexes)
    np.testing.assert_array_equal(ours.pq.codes, natasha_embedding.pq.codes)


def test_word_ids_are_slovnets_and_shared_by_the_models(natasha_models):
    encoders = [infer.encoder for infer in natasha_models[1]]
    words = ["Токаев", "заявил", ",", "что", "США", "iPhone", "2025", "К.", "Тоакев", "«", "Токаев"]
    ids = WordIds(encoders[0])
    assert all(ids.fits(encoder) for encoder in encoders)
    assert all(ids(words) == encoder.item(words) for encoder in encoders)
    assert ids(words[:2]) == encoders[0].item(words[:2])  # remembered words give the same ids
